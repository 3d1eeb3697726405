/* Doubles equal to 1e-9, relative: cmocka 1.1.5's assert_float_equal casts
 * to float (and only its first operand, when given an expression). */
#ifndef HS_TEST_ASSERT_CLOSE_H
#define HS_TEST_ASSERT_CLOSE_H

#define assert_close(actual, expected) assert_close_at((actual), (expected), __FILE__, __LINE__)

static inline void assert_close_at(double actual, double expected, const char *file, int line) {
    if (!(fabs(actual - expected) <= 1e-9 * (1 + fabs(expected)))) {
        print_error("%.17g != %.17g (expected)\n", actual, expected);
        _fail(file, line);
    }
}

#endif
