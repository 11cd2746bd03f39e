// For test helpers that check with QVERIFY/QCOMPARE (which can only `return;`).
#pragma once

#include <QTest>

// Runs `call`, a void helper that may fail the current test, and returns from the calling
// test function if it did.
#define SOCKSCOPE_REQUIRE(call)                                                                    \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)
