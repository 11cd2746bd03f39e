// IsoTimeFormatter: the headless printer's time stamps, byte for byte what
// QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs) gives, in any time zone,
// across second and millisecond boundaries and across a change of the UTC offset (DST).

#include "core/report/sessionreport.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

#include <ctime>

using namespace sockscope;

namespace {

QByteArray reference(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000).toString(Qt::ISODateWithMs).toUtf8();
}

QByteArray formatted(IsoTimeFormatter &formatter, qint64 us)
{
    QByteArray out("x"); // appends, never replaces
    formatter.append(us, out);
    return out.mid(1);
}

qint64 utcUs(const char *iso)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    Q_ASSERT(t.isValid() && t.timeSpec() == Qt::UTC);
    return t.toMSecsSinceEpoch() * 1000;
}

// The process's time zone for one test: TZ as the C library and Qt read it.
class ZoneGuard
{
public:
    explicit ZoneGuard(const QByteArray &zone) : m_had(qEnvironmentVariableIsSet("TZ"))
    {
        m_old = qgetenv("TZ");
        qputenv("TZ", zone);
        tzset();
    }
    ~ZoneGuard()
    {
        if (m_had)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        tzset();
    }

private:
    bool m_had;
    QByteArray m_old;
};

} // namespace

class tst_IsoTimeFormatter : public QObject
{
    Q_OBJECT

private slots:
    void acrossBoundaries_data();
    void acrossBoundaries();
    void offsetChanges_data();
    void offsetChanges();
    void manyInstants_data();
    void manyInstants();
    void beforeTheEpoch();
};

void tst_IsoTimeFormatter::acrossBoundaries_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("UTC") << QByteArray("UTC");
    QTest::newRow("Berlin") << QByteArray("Europe/Berlin");
    QTest::newRow("Kolkata (+05:30)") << QByteArray("Asia/Kolkata");
    QTest::newRow("Kathmandu (+05:45)") << QByteArray("Asia/Kathmandu");
    QTest::newRow("New York") << QByteArray("America/New_York");
}

// Every millisecond (and a few microsecond offsets within one) from 1.5 s before a new year
// to 1.5 s after: 999 -> 000, second, minute, hour, day, month and year roll over.
void tst_IsoTimeFormatter::acrossBoundaries()
{
    QFETCH(QByteArray, zone);
    const ZoneGuard guard(zone);
    IsoTimeFormatter formatter;
    const qint64 midnightUtc = utcUs("2027-01-01T00:00:00.000Z");
    const qint64 midnightLocal =
        QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::LocalTime).toMSecsSinceEpoch() * 1000;
    for (qint64 at : {midnightUtc, midnightLocal}) {
        for (qint64 us = at - 1500000; us <= at + 1500000; us += 1000) {
            for (qint64 sub : {0, 1, 999}) {
                const QByteArray want = reference(us + sub);
                const QByteArray got = formatted(formatter, us + sub);
                if (got != want)
                    QFAIL(qPrintable(QStringLiteral("at %1 µs: %2, want %3")
                                         .arg(us + sub)
                                         .arg(QString::fromUtf8(got), QString::fromUtf8(want))));
            }
        }
    }
}

void tst_IsoTimeFormatter::offsetChanges_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QByteArray>("changeUtc");
    QTest::addColumn<QByteArray>("lastBefore");
    QTest::addColumn<QByteArray>("firstAfter");
    QTest::newRow("Berlin, spring forward")
        << QByteArray("Europe/Berlin") << QByteArray("2026-03-29T01:00:00.000Z")
        << QByteArray("2026-03-29T01:59:59.999") << QByteArray("2026-03-29T03:00:00.000");
    QTest::newRow("Berlin, fall back")
        << QByteArray("Europe/Berlin") << QByteArray("2026-10-25T01:00:00.000Z")
        << QByteArray("2026-10-25T02:59:59.999") << QByteArray("2026-10-25T02:00:00.000");
    QTest::newRow("New York, spring forward")
        << QByteArray("America/New_York") << QByteArray("2026-03-08T07:00:00.000Z")
        << QByteArray("2026-03-08T01:59:59.999") << QByteArray("2026-03-08T03:00:00.000");
    QTest::newRow("Lord Howe, half an hour back")
        << QByteArray("Australia/Lord_Howe") << QByteArray("2026-04-04T15:00:00.000Z")
        << QByteArray("2026-04-05T01:59:59.999") << QByteArray("2026-04-05T01:30:00.000");
}

// One formatter through the change, record by record as a flood would bring them: the
// second after the change must be converted anew, not derived from the one before.
void tst_IsoTimeFormatter::offsetChanges()
{
    QFETCH(QByteArray, zone);
    QFETCH(QByteArray, changeUtc);
    QFETCH(QByteArray, lastBefore);
    QFETCH(QByteArray, firstAfter);
    const ZoneGuard guard(zone);
    const qint64 change = utcUs(changeUtc.constData());
    // The reference itself sees the zone (else this test would prove nothing).
    QCOMPARE(reference(change - 1000), lastBefore);
    QCOMPARE(reference(change), firstAfter);

    IsoTimeFormatter formatter;
    for (qint64 us = change - 2000000; us < change + 2000000; us += 250) {
        const QByteArray want = reference(us);
        const QByteArray got = formatted(formatter, us);
        if (got != want)
            QFAIL(qPrintable(QStringLiteral("at %1 µs: %2, want %3")
                                 .arg(us)
                                 .arg(QString::fromUtf8(got), QString::fromUtf8(want))));
    }
    QCOMPARE(formatted(formatter, change - 1000), lastBefore);
    QCOMPARE(formatted(formatter, change), firstAfter);
}

void tst_IsoTimeFormatter::manyInstants_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("Berlin") << QByteArray("Europe/Berlin");
    QTest::newRow("Lord Howe") << QByteArray("Australia/Lord_Howe");
    QTest::newRow("Shanghai") << QByteArray("Asia/Shanghai");
}

// Random instants from 1970 to 2200 through one formatter, and the year 9999's last second.
void tst_IsoTimeFormatter::manyInstants()
{
    QFETCH(QByteArray, zone);
    const ZoneGuard guard(zone);
    IsoTimeFormatter formatter;
    QRandomGenerator random(16);
    const qint64 end = utcUs("2200-01-01T00:00:00.000Z");
    QList<qint64> instants{0, 999, 1000, utcUs("9999-12-31T12:59:59.999Z")};
    for (int i = 0; i < 20000; ++i)
        instants << qint64(random.bounded(quint64(end)));
    for (qint64 us : std::as_const(instants)) {
        const QByteArray want = reference(us);
        QCOMPARE(formatted(formatter, us), want);
        QCOMPARE(formatted(formatter, us), want); // again, from the cache
    }
}

void tst_IsoTimeFormatter::beforeTheEpoch()
{
    const ZoneGuard guard("Europe/Berlin");
    IsoTimeFormatter formatter;
    for (qint64 us : {-1LL, -999LL, -1000LL, -1001LL, -1500000LL, -86400000001LL})
        QCOMPARE(formatted(formatter, us), reference(us));
}

QTEST_GUILESS_MAIN(tst_IsoTimeFormatter)
#include "tst_isotimeformatter.moc"
