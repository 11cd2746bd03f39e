// Seeds for property tests: a fresh random seed on every run (so CI keeps exploring), the
// seed printed when the test fails, and SOCKSCOPE_TEST_SEED=<n> to replay a failure.
#pragma once

#include <QRandomGenerator>
#include <QTest>
#include <QtGlobal>

namespace sockscope::test {

inline quint32 propertySeed()
{
    bool ok = false;
    const quint32 fixed = qEnvironmentVariable("SOCKSCOPE_TEST_SEED").toUInt(&ok);
    return ok ? fixed : QRandomGenerator::global()->generate();
}

// Create one at the top of a property test; when the test has failed by the time it goes
// out of scope (QVERIFY/QCOMPARE return early), the seed that reproduces it is printed.
class SeedReport
{
    Q_DISABLE_COPY_MOVE(SeedReport)

public:
    explicit SeedReport(quint32 seed) : m_seed(seed) {}
    ~SeedReport()
    {
        if (QTest::currentTestFailed())
            qWarning("%s(%s) failed with seed %u; replay with SOCKSCOPE_TEST_SEED=%u",
                     QTest::currentTestFunction(), QTest::currentDataTag(), m_seed, m_seed);
    }
    quint32 seed() const { return m_seed; }

private:
    quint32 m_seed;
};

} // namespace sockscope::test
