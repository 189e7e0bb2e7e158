/* run-batch: run a list of commands, a few at a time, and report how each ended.
 *
 *   run-batch JOBS DIR [PARALLEL]
 *
 * JOBS holds one command a line, its words separated by tabs: first any
 * NAME=VALUE words (set in that command's environment, replacing the
 * variable if it is set; of two for one name, the later wins), then the program (looked up in PATH) and its
 * arguments. A word cannot hold a tab or a newline. Command K (counting
 * from 1) runs in the current folder with its stdin from /dev/null, its
 * stdout in DIR/K.out and its stderr in DIR/K.err; at most PARALLEL
 * (default: the number of processors) run at once. When every command has ended, prints one line a
 * command, in the order of JOBS: "K STATUS MS", STATUS as a shell gives it
 * (the exit status, or 128 + the signal that killed it; 127 when it could
 * not be started) and MS its wall time in milliseconds.
 *
 * Why a program: tests/bad-input/run.sh runs some 500 chapter programs, and a
 * shell starts each one through a copy of itself (fork, then exec), which
 * costs more processor time than most of those runs themselves; posix_spawn
 * starts them directly.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum { BATCH_MAX_WORDS = 64 };   // words in one command (cases.txt's take about ten)

typedef struct {
    pid_t pid;         // while it runs; 0 before and after
    int status;        // as a shell gives it (see the top of the file)
    double start_ms;   // when it was started, monotonic clock
    double wall_ms;    // how long it ran
} Job;

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Splits line (modified in place) at tabs into words; returns their count,
 * or -1 when there are more than BATCH_MAX_WORDS. */
static int split_words(char *line, char **words) {
    int n = 0;
    line[strcspn(line, "\n")] = '\0';
    // each tab ends a word; empty words (two tabs) are skipped
    for (char *word = strtok(line, "\t"); word != NULL; word = strtok(NULL, "\t")) {
        if (n == BATCH_MAX_WORDS) return -1;
        words[n++] = word;
    }
    return n;
}

/* Does the variable var (NAME=VALUE) have the name of the word set (NAME=...)? */
static int same_name(const char *var, const char *set) {
    size_t name_len = (size_t)(strchr(set, '=') - set);
    return strncmp(var, set, name_len + 1) == 0;
}

/* The environment of a command: this program's, with the n_set NAME=VALUE
 * words of set in place of the variables of those names. The caller frees
 * the array (not the strings). */
static char **command_environment(char **set, int n_set) {
    size_t n_env = 0;
    while (environ[n_env] != NULL) n_env++;
    char **env = malloc((n_env + (size_t)n_set + 1) * sizeof *env);
    if (env == NULL) return NULL;
    size_t k = 0;
    // keep each variable that no word of set names
    for (size_t i = 0; i < n_env; i++) {
        int replaced = 0;
        for (int j = 0; j < n_set && !replaced; j++) {
            replaced = same_name(environ[i], set[j]);
        }
        if (!replaced) env[k++] = environ[i];
    }
    // then each word of set, unless a later word sets the same name (it wins)
    for (int j = 0; j < n_set; j++) {
        int overridden = 0;
        for (int later = j + 1; later < n_set && !overridden; later++) {
            overridden = same_name(set[later], set[j]);
        }
        if (!overridden) env[k++] = set[j];
    }
    env[k] = NULL;
    return env;
}

/* Starts command number k (from 1), the words of its line, with its output
 * in dir/k.out and dir/k.err. Returns its process id, or -1. */
static pid_t start(char *line, int k, const char *dir) {
    char *words[BATCH_MAX_WORDS + 1];
    int n = split_words(line, words), n_set = 0;
    if (n < 0) {
        fprintf(stderr, "run-batch: command %d has more than %d words\n", k, BATCH_MAX_WORDS);
        return -1;
    }
    while (n_set < n && strchr(words[n_set], '=') != NULL && words[n_set][0] != '=') n_set++;
    if (n_set == n) {
        fprintf(stderr, "run-batch: command %d names no program\n", k);
        return -1;
    }
    words[n] = NULL;
    char out[4096], err[4096];
    snprintf(out, sizeof out, "%s/%d.out", dir, k);
    snprintf(err, sizeof err, "%s/%d.err", dir, k);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&files, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    char **env = command_environment(words, n_set);
    pid_t pid = -1;
    int rc = env == NULL ? ENOMEM : posix_spawnp(&pid, words[n_set], &files, NULL, words + n_set, env);
    free(env);
    posix_spawn_file_actions_destroy(&files);
    if (rc != 0) {
        fprintf(stderr, "run-batch: command %d: cannot start %s: %s\n", k, words[n_set], strerror(rc));
        return -1;
    }
    return pid;
}

/* Waits for one of the running jobs to end and records how; returns 0, or
 * -1 when none was running. */
static int reap(Job *jobs, int n_jobs) {
    int raw;
    pid_t pid = waitpid(-1, &raw, 0);
    if (pid < 0) return -1;
    // find the job of that process (a few hundred jobs: a scan is enough)
    for (int k = 0; k < n_jobs; k++) {
        if (jobs[k].pid != pid) continue;
        jobs[k].pid = 0;
        jobs[k].wall_ms = now_ms() - jobs[k].start_ms;
        jobs[k].status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
        return 0;
    }
    return 0;
}

/* Reads every line of the file at path into an array; sets *n. NULL when the
 * file cannot be read. */
static char **read_lines(const char *path, int *n) {
    FILE *f = fopen(path, "r");
    if (f == NULL) return NULL;
    size_t capacity = 64, size = 0;
    char **lines = malloc(capacity * sizeof *lines), *line = NULL;
    *n = 0;
    // one command a line; the array doubles when full
    while (lines != NULL && getline(&line, &size, f) >= 0) {
        if ((size_t)*n == capacity) {
            char **grown = realloc(lines, 2 * capacity * sizeof *lines);
            if (grown == NULL) break;
            lines = grown;
            capacity *= 2;
        }
        lines[(*n)++] = line;
        line = NULL;
        size = 0;
    }
    free(line);
    fclose(f);
    return lines;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: run-batch JOBS DIR [PARALLEL]\n");
        return 2;
    }
    int parallel = argc == 4 ? atoi(argv[3]) : (int)sysconf(_SC_NPROCESSORS_ONLN), n_jobs = 0, running = 0;
    if (parallel < 1) parallel = 1;
    char **lines = read_lines(argv[1], &n_jobs);
    if (lines == NULL) {
        fprintf(stderr, "run-batch: %s: %s\n", argv[1], strerror(errno));
        return 2;
    }
    Job *jobs = calloc((size_t)n_jobs + 1, sizeof *jobs);
    if (jobs == NULL) return 2;
    // start each command once fewer than `parallel` run, then wait for the rest
    for (int k = 0; k < n_jobs; k++) {
        if (running == parallel && reap(jobs, n_jobs) == 0) running--;
        jobs[k].start_ms = now_ms();
        jobs[k].pid = start(lines[k], k + 1, argv[2]);
        if (jobs[k].pid > 0) running++;
        else {
            jobs[k].pid = 0;
            jobs[k].status = 127;
        }
        free(lines[k]);
    }
    while (running > 0 && reap(jobs, n_jobs) == 0) running--;
    for (int k = 0; k < n_jobs; k++) printf("%d %d %.0f\n", k + 1, jobs[k].status, jobs[k].wall_ms);
    free(lines);
    free(jobs);
    return 0;
}
