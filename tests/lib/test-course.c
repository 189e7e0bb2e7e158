/* Tests for lib/course: the long gradient-descent run cut to a budget of
 * work (chapter 6 without --epochs). */
#include "course.h"
#include "harness.h"

/* The lesson's 100,000 epochs on 300 x 2 are 9e7 multiply-adds: within 2e9. */
static void test_small_data_keep_their_epochs(void) {
    CourseGd gd = course_gd(0.1, 100000);
    gd.min_epochs = 500;
    EXPECT_TRUE(course_gd_within(&gd, 300, 2, 2e9) == 100000, "300 x 2 keeps 100000 epochs");
    EXPECT_TRUE(course_gd_within(&gd, 569, 30, 2e9) == 100000, "569 x 30 (1.8e9) keeps 100000 epochs");
}

/* 1e5 x 20: 2.1e6 per epoch, so 2e9 allows floor(952.4) = 952. */
static void test_large_data_are_cut(void) {
    CourseGd gd = course_gd(0.1, 100000);
    gd.min_epochs = 500;
    size_t got = course_gd_within(&gd, 100000, 20, 2e9);
    EXPECT_TRUE(got == 952, harness_fmt("1e5 x 20 gets 952 epochs, not %zu", got));
    got = course_gd_within(&gd, 1000000, 20, 2e9);
    EXPECT_TRUE(got == 500, harness_fmt("1e6 x 20 gets the floor of 500 epochs, not %zu", got));
}

int main(void) {
    static const HarnessTest tests[] = {
        {"small data keep the lesson's epochs", test_small_data_keep_their_epochs},
        {"large data get as many epochs as the budget allows", test_large_data_are_cut},
    };
    return harness_run("course", tests, sizeof tests / sizeof tests[0]);
}
