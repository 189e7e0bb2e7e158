# Logistic Regression from Scratch, in C.
#
#   make chapter-NN      build one chapter program (./chapter-NN); needs only a C compiler
#   make check [EX=NN]   your progress over the exercises (EX=NN: one, with full messages)
#   make hint EX=NN      a nudge for exercise NN
#   make reset EX=NN     put exercise NN back to the shipped stub (asks first)
#   make watch EX=NN     re-run `make check EX=NN` whenever you save a file
#   make docs            the notes as HTML in build/docs/, and as an EPUB
#   make epub            the notes as build/logistic-regression-in-c.epub
#   make docs-check      open every page in headless Chromium; screenshots in build/docs-check/
#   make test            the project's own test suite (warnings are errors)
#   make bench           timings beside NumPy's, scikit-learn's and liblinear's, and chapter 12's all-reduce
#   make valgrind        every chapter and lib test under valgrind memcheck (no error, no leak)
#   make fuzz            the CSV reader under libFuzzer for FUZZ_SECONDS (default 60)
#   make compile_commands.json   the compiler flags of every C file, for clangd and editors
#   make format          rewrite the C sources in the style of .clang-format
#   make format-check    list the C sources that differ from .clang-format
#   make clean           remove build/ and out/ and the chapter programs
#
# Variables: CC (default cc), CFLAGS, LDFLAGS and LDLIBS (yours are kept and
# come after the project's), SANITIZE=1 (AddressSanitizer + UBSan),
# NO_DEPS=1 (never offer to install missing packages), EX=NN,
# BUILD (default build/MODE) and DOCS (default build/docs): output folders;
# EPUB (default build/logistic-regression-in-c.epub).

CC ?= cc
EX ?=

# make test builds in its own folder with warnings as errors; learner builds
# only warn, so an unfinished exercise never blocks a chapter.
ifneq ($(filter test test-% docs-check,$(MAKECMDGOALS)),)
WERROR := 1
endif
MODE := $(if $(SANITIZE),san-)$(if $(WERROR),strict,learn)
BUILD ?= build/$(MODE)
DOCS ?= build/docs
EPUB ?= build/logistic-regression-in-c.epub

WARN := -Wall -Wextra -Wpedantic -Wshadow $(if $(WERROR),-Werror)
# -ffp-contract=off: no fused multiply-add, so sums match NumPy's to the bit.
# A user's CFLAGS (from the environment or the command line) are kept and come
# last, so that they win: make CFLAGS=-O0 builds for a debugger.
# -g (debugging information) everywhere but in make test's own build without
# the sanitizers: nothing there reads it, and it is a fifth of that build's
# processor time (make test CFLAGS=-g puts it back, for a debugger).
DEBUG_INFO := $(if $(WERROR),$(if $(SANITIZE),-g),-g)
LR_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(DEBUG_INFO) -O2 -ffp-contract=off $(WARN) \
             -Ilib -Iexercises -Itests -DLR_ROOT='"$(CURDIR)"'
# Make inside make (make check's own build, or a make that a learner's
# recipe runs) inherits CFLAGS, LDFLAGS and LDLIBS as exported below, the
# project's flags already in them: it starts again from the user's own,
# which the first make exports as LR_USER_*, so that no flag comes twice.
ifeq ($(origin CFLAGS) $(origin LR_USER_CFLAGS),environment environment)
CFLAGS := $(LR_USER_CFLAGS)
endif
ifeq ($(origin LDFLAGS) $(origin LR_USER_LDFLAGS),environment environment)
LDFLAGS := $(LR_USER_LDFLAGS)
endif
ifeq ($(origin LDLIBS) $(origin LR_USER_LDLIBS),environment environment)
LDLIBS := $(LR_USER_LDLIBS)
endif
export LR_USER_CFLAGS := $(CFLAGS)
export LR_USER_LDFLAGS := $(LDFLAGS)
export LR_USER_LDLIBS := $(LDLIBS)
USER_FLAGS := CFLAGS='$(CFLAGS)' LDFLAGS='$(LDFLAGS)' LDLIBS='$(LDLIBS)'
ifdef SANITIZE
LR_CFLAGS += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
override LDFLAGS := -fsanitize=address,undefined $(LDFLAGS)
endif
override CFLAGS := $(LR_CFLAGS) $(CFLAGS)
override LDLIBS := $(LDLIBS) -lm
export CC CFLAGS LDFLAGS LDLIBS BUILD DOCS

LIB_SRC := $(wildcard lib/*.c)
LIB := $(BUILD)/liblr.a
HARNESS := $(BUILD)/obj/tests/harness.o
CHAPTER_SRC := $(wildcard chapters/[0-9][0-9]-*.c)
nn = $(firstword $(subst -, ,$(notdir $(1))))
CHAPTERS := $(foreach c,$(CHAPTER_SRC),chapter-$(call nn,$(c)))
EX_TESTS := $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard tests/exercises/test-*.c))
LIB_TESTS := $(patsubst tests/lib/%.c,$(BUILD)/tests/%,$(wildcard tests/lib/test-*.c))
EXERCISE_SRC := $(wildcard exercises/[0-9][0-9]-*.c)
SOLUTION_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard solutions/[0-9][0-9]-*.c))
# The learner's code the chapters link: exercises/, each compiled by the
# rule for build/MODE/yours/ below. make test links the stubs as shipped,
# tests/stubs/, instead (so that it passes whatever state the exercises are
# in), compiled by the pattern rule like any file: its bite check
# (scripts/check.sh bite) then uses those objects, not compiling them again.
YOURS_OBJ := $(if $(WERROR),$(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard tests/stubs/[0-9][0-9]-*.c)), \
                $(patsubst exercises/%.c,$(BUILD)/yours/%.o,$(EXERCISE_SRC)))
# make test also links every chapter with solutions/ as the learner's code,
# and with one deliberately wrong exercise (tests/chapters/wrong/NN-name.c).
WRONG_SRC := $(wildcard tests/chapters/wrong/[0-9][0-9]-*.c)
TOOLS := $(BUILD)/tests/check-output $(BUILD)/tests/run-batch

.SECONDARY:
.PHONY: all check hint reset watch docs epub docs-check test test-build test-build-notes bench valgrind fuzz clean deps-cunit deps-gnuplot deps-pandoc \
        deps-chromium deps-valgrind deps-clang deps-fonts deps-clang-format deps-mpi format format-check \
        compile_commands.json $(CHAPTERS)
all: $(CHAPTERS)

# The folders the build writes to, each made once, when missing, by its own
# mkdir (not one mkdir per file written: each is a process): a rule that
# writes into one names it after a |, an order-only prerequisite (only that
# it exists matters, not its time).
OBJ_DIRS := $(patsubst %/,$(BUILD)/obj/%,$(sort $(dir $(wildcard lib/*.c lib/*/*.c chapters/*.c chapters/*/*.c \
              solutions/*.c tests/*.c tests/*/*.c tests/*/*/*.c))))
$(OBJ_DIRS) $(addprefix $(BUILD)/,yours bin bin-solutions bin-wrong tests):
	@mkdir -p $@

# One pattern rule compiles every source file to build/MODE/obj/PATH.o
# (FILE_CFLAGS: flags that a few files get, set for them below).
$(BUILD)/obj/%.o: %.c | $(OBJ_DIRS)
	$(CC) $(CFLAGS) $(FILE_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))
	$(AR) rcs $@ $^

# Chapter 12 runs on Open MPI: `make chapter-12` asks for Debian's
# libopenmpi-dev and openmpi-bin, and links with mpicc and lib/mpi/comm-mpi.c.
# Where mpicc is missing (make, make test without Open MPI) it is built with
# lib/mpi/comm-none.c instead, and runs as one process.
MPICC ?= mpicc
HAVE_MPI := $(shell command -v $(MPICC) > /dev/null 2>&1 && echo 1)
COMM_OBJ := $(BUILD)/obj/lib/mpi/comm-$(if $(HAVE_MPI),mpi,none).o
ifneq ($(filter chapter-12,$(MAKECMDGOALS)),)
chapter-12: deps-mpi
endif
$(BUILD)/obj/lib/mpi/comm-mpi.o: lib/mpi/comm-mpi.c | $(OBJ_DIRS)
	$(MPICC) $(CFLAGS) -MMD -MP -c $< -o $@
$(BUILD)/bin/chapter-12 $(BUILD)/bin-solutions/chapter-12 $(BUILD)/bin-wrong/chapter-12: $(COMM_OBJ)
$(BUILD)/bin/chapter-12 $(BUILD)/bin-solutions/chapter-12 $(BUILD)/bin-wrong/chapter-12: CHAPTER_LD = $(if $(HAVE_MPI),$(MPICC),$(CC))
CHAPTER_LD = $(CC)

# make test's links run with glibc's malloc in 2 MB pages where the kernel
# allows it (the tunable glibc.malloc.hugetlb; ignored where it does not
# exist; the linker's output and messages are the same): where each page fault
# is slow, as in a virtual machine, a link takes about a fifth less processor
# time (11 chapter links: 0.87 s of CPU against 1.09). Tunables you set are kept.
LINK_ENV := $(if $(WERROR),GLIBC_TUNABLES=$${GLIBC_TUNABLES:+$$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1)

# Each exercise is compiled on its own for the chapters. One that does not
# compile yet is replaced by its stand-in: the stub as shipped
# (tests/stubs/), whose TODO() then reports that the exercise does not
# compile, so the chapter still builds, runs the library's code and says so.
# [snippet yours-object]
$(BUILD)/yours/%.o: exercises/%.c exercises/exercises.h tests/stubs/%.c | $(BUILD)/yours
	@if $(CC) $(CFLAGS) -c $< -o $@ 2> $@.log; then cat $@.log; else \
	  echo "note: exercises/$*.c does not compile yet, so the chapters run the library's code for it" \
	       "(make check EX=$(call nn,$*) shows why)"; \
	  $(CC) $(CFLAGS) -Dyours_todo=yours_not_compiled -c tests/stubs/$*.c -o $@; fi
# [end yours-object]

# chapter-NN: build/MODE/bin/chapter-NN, copied to the top folder to run.
# A chapter may keep a step of its own in chapters/NN-name/*.c (with a
# header there): those files are linked into its program. bin-solutions/ and
# bin-wrong/ hold the chapters make test runs on solutions/ and on a wrong
# exercise.
chapter_parts = $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard $(1:.c=)/*.c))
define chapter_rule
$(BUILD)/bin/chapter-$(call nn,$(1)): $(BUILD)/obj/$(1:.c=.o) $(call chapter_parts,$(1)) $(YOURS_OBJ) $(LIB) | $(BUILD)/bin
	$$(LINK_ENV) $$(CHAPTER_LD) $$(LDFLAGS) -o $$@ $$^ $$(PROBED_LIBS) $$(LDLIBS)
$(BUILD)/bin-solutions/chapter-$(call nn,$(1)): $(BUILD)/obj/$(1:.c=.o) $(call chapter_parts,$(1)) $(SOLUTION_OBJ) $(LIB) | $(BUILD)/bin-solutions
	$$(LINK_ENV) $$(CHAPTER_LD) $$(LDFLAGS) -o $$@ $$^ $$(PROBED_LIBS) $$(LDLIBS)
chapter-$(call nn,$(1)): $(BUILD)/bin/chapter-$(call nn,$(1))
	@if cmp -s $$< $$@; then touch $$@; else cp $$< $$@; fi
endef
$(foreach c,$(CHAPTER_SRC),$(eval $(call chapter_rule,$(c))))
define wrong_rule
$(BUILD)/bin-wrong/chapter-$(call nn,$(1)): $(BUILD)/obj/chapters/$(notdir $(1:.c=.o)) \
    $(call chapter_parts,chapters/$(notdir $(1))) $(BUILD)/obj/$(1:.c=.o) \
    $(filter-out $(BUILD)/obj/solutions/$(notdir $(1:.c=.o)),$(SOLUTION_OBJ)) $(LIB) | $(BUILD)/bin-wrong
	$$(LINK_ENV) $$(CHAPTER_LD) $$(LDFLAGS) -o $$@ $$^ $$(PROBED_LIBS) $$(LDLIBS)
endef
$(foreach w,$(WRONG_SRC),$(eval $(call wrong_rule,$(w))))

# make bench's epochs (lib/epoch), where this machine has them: threads
# through OpenMP (the compiler's -fopenmp) and SLEEF's vector exp and log
# (Debian: libsleef-dev). Without them those rows are skipped, with the reason.
# Each probe compiles a small program, so it runs only when a rule needs its
# answer, and then once (the variable redefines itself with the answer). The
# flags that depend on a probe are set for their targets with "=", so they
# too are worked out only when those targets are built.
lazy = $(eval $(1) := $(shell $(2)))$($(1))
HAVE_OPENMP = $(call lazy,HAVE_OPENMP,printf 'int main(void) { return 0; }' | $(CC) -fopenmp -x c - -o /dev/null 2> /dev/null && echo 1)
# (-fopenmp-simd: only the `omp simd` loops of lib/epoch, no threads)
HAVE_OPENMP_SIMD = $(call lazy,HAVE_OPENMP_SIMD,printf 'int main(void) { return 0; }' | $(CC) -fopenmp-simd -x c - -o /dev/null 2> /dev/null && echo 1)
HAVE_SLEEF = $(call lazy,HAVE_SLEEF,printf 'double Sleef_exp_u10(double);\nint main(void) { return Sleef_exp_u10(0.0) > 2; }' | \
                $(CC) -x c - -o /dev/null -lsleef 2> /dev/null && echo 1)
$(BUILD)/obj/lib/simd.o: FILE_CFLAGS = $(if $(HAVE_SLEEF),-DLR_HAVE_SLEEF)
$(BUILD)/obj/lib/epoch.o: FILE_CFLAGS = $(if $(HAVE_OPENMP),-fopenmp,$(if $(HAVE_OPENMP_SIMD),-fopenmp-simd))
$(BUILD)/tests/bench $(BUILD)/tests/lib-tests $(BUILD)/bin/chapter-11 $(BUILD)/bin-solutions/chapter-11 $(BUILD)/bin-wrong/chapter-11: \
  PROBED_LIBS = $(if $(HAVE_OPENMP),-fopenmp) $(if $(HAVE_SLEEF),-lsleef)

# Test programs: a tool is one source file plus the library.
$(BUILD)/tests/%: $(BUILD)/obj/tests/lib/%.o $(HARNESS) $(LIB) | $(BUILD)/tests
	$(LINK_ENV) $(CC) $(LDFLAGS) -o $@ $^ -lcunit $(PROBED_LIBS) $(LDLIBS)
# The lib tests are one program, linked once (tests/lib/lib-tests.c):
# build/MODE/tests/test-NAME is a link to it, and runs tests/lib/test-NAME.c,
# compiled with its main renamed lib_test_NAME.
LIB_TEST_NAMES := $(patsubst tests/lib/test-%.c,%,$(wildcard tests/lib/test-*.c))
$(BUILD)/obj/tests/lib/test-%.o: FILE_CFLAGS = -Dmain=lib_$(subst -,_,$(notdir $(basename $@)))
$(BUILD)/obj/tests/lib/lib-tests.o: FILE_CFLAGS = \
  -DLIB_TESTS='$(foreach t,$(LIB_TEST_NAMES),X($(subst -,_,$(t)),$(t)))'
$(BUILD)/tests/lib-tests: $(BUILD)/obj/tests/lib/lib-tests.o $(patsubst %,$(BUILD)/obj/tests/lib/test-%.o,$(LIB_TEST_NAMES)) \
    $(HARNESS) $(LIB) | $(BUILD)/tests
	$(LINK_ENV) $(CC) $(LDFLAGS) -o $@ $^ -lcunit $(PROBED_LIBS) $(LDLIBS)
$(LIB_TESTS): $(BUILD)/tests/lib-tests
	ln -sf lib-tests $@
$(BUILD)/tests/check-output: $(BUILD)/obj/tests/chapters/check-output.o $(LIB) | $(BUILD)/tests
	$(LINK_ENV) $(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(BUILD)/tests/run-batch: $(BUILD)/obj/tests/bad-input/run-batch.o | $(BUILD)/tests
	$(LINK_ENV) $(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The exercises are compiled one by one by scripts/check.sh, so that one
# exercise that does not compile yet cannot hide the others' results. The
# library and the suites are built first, quietly: one line, not twenty.
define build_quietly
	@$(MAKE) -q --no-print-directory $(LIB) $(HARNESS) $(EX_TESTS) $(SOLUTION_OBJ) 2> /dev/null || { \
	  echo "building the library and the tests (once)..."; \
	  $(MAKE) -s --no-print-directory $(LIB) $(HARNESS) $(EX_TESTS) $(SOLUTION_OBJ); }
endef
check: deps-cunit
	$(build_quietly)
	@scripts/check.sh learner "$(EX)"

hint: deps-cunit
	$(build_quietly)
	@scripts/hint.sh "$(EX)"

reset: deps-cunit
	$(if $(EX),,$(build_quietly))
	@scripts/reset.sh "$(EX)"

watch: deps-cunit
	$(build_quietly)
	@scripts/watch.sh "$(EX)"

# Figures are drawn by the chapter programs themselves, so they cannot go stale.
docs: deps-pandoc deps-gnuplot deps-fonts $(patsubst %,$(BUILD)/bin/%,$(CHAPTERS))
	@scripts/docs.sh $(DOCS) $(patsubst %,$(BUILD)/bin/%,$(CHAPTERS))
	@cp $(DOCS)/logistic-regression-in-c.epub $(EPUB)

epub: docs

docs-check: docs deps-chromium
	@scripts/docs-check.sh $(DOCS)

# make test builds with one compiler per processor (a make of its own, given
# the user's flags, USER_FLAGS, not the ones above: they would come twice),
# and runs its steps side by side (scripts/run-tests.sh; TEST_JOBS=N steps at
# a time). It builds the chapter programs first (test-build-notes): the notes,
# its longest chain of steps, need only them, so they start while the rest is
# built (run-tests.sh runs the make it is given). Its last line gives the
# time of it all, from TEST_START.
# The probes below run once, here, not in each of the two makes (PROBES: their
# answers, given to both).
NPROC := $(shell nproc 2> /dev/null || echo 2)
PROBES = HAVE_OPENMP='$(HAVE_OPENMP)' HAVE_SLEEF='$(HAVE_SLEEF)' HAVE_OPENMP_SIMD='$(if $(HAVE_OPENMP),,$(HAVE_OPENMP_SIMD))'
test: deps-cunit deps-gnuplot deps-pandoc
	@TEST_START=$$(date +%s) && export TEST_START && \
	  $(USER_FLAGS) $(MAKE) --no-print-directory -j$(NPROC) $(PROBES) test-build-notes && \
	  scripts/run-tests.sh env $(USER_FLAGS) $(MAKE) --no-print-directory -j$(NPROC) $(PROBES) test-build
test-build-notes: $(patsubst %,$(BUILD)/bin/%,$(CHAPTERS))
test-build: $(LIB) $(HARNESS) $(EX_TESTS) $(LIB_TESTS) $(TOOLS) $(SOLUTION_OBJ) \
      $(patsubst %,$(BUILD)/bin/%,$(CHAPTERS)) $(patsubst %,$(BUILD)/bin-solutions/%,$(CHAPTERS)) \
      $(foreach w,$(WRONG_SRC),$(BUILD)/bin-wrong/chapter-$(call nn,$(w)))

# make bench: timings beside NumPy's and scikit-learn's (when python3 has them)
# and liblinear's; "key value" lines, and a JSON copy in build/bench.json.
# OMP_WAIT_POLICY=passive: an OpenMP thread that waits sleeps instead of
# spinning, so on a busy machine it leaves its core to the thread it waits for
# (your own setting, if you give one, is kept).
bench: $(BUILD)/tests/bench $(BUILD)/bin/chapter-12
	@mkdir -p build && OMP_WAIT_POLICY=$${OMP_WAIT_POLICY:-passive} $(BUILD)/tests/bench build/bench.json
	@scripts/bench-mpi.sh $(BUILD)/bin/chapter-12

# Every chapter and every lib test under valgrind memcheck: any memory error or
# leak fails.
valgrind: deps-valgrind deps-cunit $(patsubst %,$(BUILD)/bin/%,$(CHAPTERS)) $(LIB_TESTS)
	@tests/valgrind.sh $(BUILD) $(patsubst %,$(BUILD)/bin/%,$(CHAPTERS)) $(LIB_TESTS)

# The CSV reader under libFuzzer, with ASan and UBSan (Debian's clang).
FUZZ_SECONDS ?= 60
FUZZ_SRC := fuzz/fuzz-csv.c lib/dataset.c lib/cleanup.c lib/stepsize.c lib/matrix.c lib/util.c
$(BUILD)/fuzz/fuzz-csv: $(FUZZ_SRC) lib/dataset.h lib/cleanup.h lib/stepsize.h lib/matrix.h lib/util.h
	@mkdir -p $(dir $@)
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Ilib -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=all -o $@ $(FUZZ_SRC) -lm
fuzz: deps-clang $(BUILD)/fuzz/fuzz-csv
	@fuzz/run.sh $(BUILD)/fuzz/fuzz-csv $(FUZZ_SECONDS) $(BUILD)/fuzz

# For clangd and other editor tooling: every C file with this build's flags.
compile_commands.json:
	@scripts/compile-commands.sh $@

# The C sources against .clang-format (the style the code is written in).
format: deps-clang-format
	@scripts/format.sh fix
format-check: deps-clang-format
	@scripts/format.sh check

# deps-X: say which Debian package is missing and offer to install it.
deps-cunit:
	@scripts/need.sh libcunit1-dev /usr/include/CUnit/CUnit.h
deps-gnuplot:
	@scripts/need.sh gnuplot gnuplot
deps-pandoc:
	@scripts/need.sh pandoc pandoc
# The notes' fonts: TeX Gyre Pagella for the text, its Math for formulas.
deps-fonts:
	@scripts/need.sh fonts-texgyre /usr/share/texmf/fonts/opentype/public/tex-gyre/texgyrepagella-regular.otf
	@scripts/need.sh fonts-texgyre-math /usr/share/texmf/fonts/opentype/public/tex-gyre-math/texgyrepagella-math.otf
deps-chromium:
	@scripts/need.sh chromium chromium
	@scripts/need.sh nodejs node
deps-valgrind:
	@scripts/need.sh valgrind valgrind
deps-clang-format:
	@scripts/need.sh clang-format clang-format
deps-mpi:
	@scripts/need.sh libopenmpi-dev mpicc && scripts/need.sh openmpi-bin mpirun
deps-clang:
	@scripts/need.sh clang clang && scripts/need.sh libclang-rt-dev \
	  $$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null | grep / || echo /no/libfuzzer)

clean:
	rm -rf build out $(wildcard chapter-[0-9][0-9])

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
