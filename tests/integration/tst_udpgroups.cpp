// UdpSession's broadcast and multicast, without leaving the machine: broadcast only to the
// loopback range's broadcast address (127.255.255.255) towards a receiver bound to 0.0.0.0;
// multicast joined and sent on the loopback interface only, with TTL 0.

#include "core/log/logrecord.h"
#include "core/transport/udpsession.h"

#include "loopback.h"
#include "loopbackinterface.h"
#include "recordlog.h"

#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace sockscope;
using namespace sockscope::test;

namespace {

const QHostAddress kLoopbackBroadcast{QStringLiteral("127.255.255.255")};
const QHostAddress kGroup{QStringLiteral("239.255.42.7")};

std::unique_ptr<UdpSession> makeSession(const QHostAddress &bind)
{
    auto s = std::make_unique<UdpSession>();
    UdpSession::Options o;
    o.bindAddress = bind;
    o.port = 0;
    o.multicastTtl = 0; // nothing we send to a group may leave the machine
    o.multicastLoopback = true;
    s->setOptions(o);
    s->setBatchInterval(5);
    return s;
}

// A sender whose group datagrams go out on the loopback interface only, with TTL 0.
std::unique_ptr<QUdpSocket> makeGroupSender()
{
    auto s = std::make_unique<QUdpSocket>();
    if (!s->bind(kLoopback, 0))
        return nullptr;
    s->setMulticastInterface(QNetworkInterface::interfaceFromName(loopbackInterfaceName()));
    s->setSocketOption(QAbstractSocket::MulticastTtlOption, 0);
    s->setSocketOption(QAbstractSocket::MulticastLoopbackOption, 1);
    return s;
}

// Where group datagrams arrive: a session bound to 0.0.0.0, its records kept, started.
struct GroupReceiver
{
    GroupReceiver() { session->start(); }
    std::unique_ptr<UdpSession> session = makeSession(QHostAddress(QHostAddress::AnyIPv4));
    RecordLog log{session.get()};
};

QString lastEvent(const RecordLog &log)
{
    const LogRecords events = log.of(0, LogRecord::Kind::Event);
    return events.isEmpty() ? QString() : events.constLast().eventText();
}

} // namespace

class tst_UdpGroups : public QObject
{
    Q_OBJECT

private slots:
    void broadcastAppliesWhileOpen();
    void multicastOnLoopbackInterface();
    void joinOnUnicastBoundSocketExplained();
    void joinErrorsInWords_data();
    void joinErrorsInWords();
    void joinTwiceSaysSo();
    void rejoinOnReopenIsLogged();
};

void tst_UdpGroups::broadcastAppliesWhileOpen()
{
    QUdpSocket receiver;
    QVERIFY(receiver.bind(QHostAddress(QHostAddress::AnyIPv4), 0));
    const quint16 port = receiver.localPort();
    auto session = makeSession(kLoopback);
    session->start();
    QCOMPARE(session->state(), Session::State::Active);

    // The loopback range's broadcast address is a broadcast address: refused without the option.
    Session::SendResult r = session->sendTo("one", kLoopbackBroadcast, port);
    QVERIFY2(!r.ok(), "sent to 127.255.255.255 without the Broadcast option");
    QVERIFY2(r.error.contains(QLatin1String("Broadcast option")), qPrintable(r.error));

    session->setBroadcast(true); // while the socket is open
    r = session->sendTo("two", kLoopbackBroadcast, port);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QTRY_VERIFY(receiver.hasPendingDatagrams());
    QCOMPARE(receiver.receiveDatagram().data(), QByteArray("two"));

    session->setBroadcast(false);
    r = session->sendTo("three", kLoopbackBroadcast, port);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QLatin1String("Broadcast option")), qPrintable(r.error));
    QVERIFY(!receiver.hasPendingDatagrams());
}

void tst_UdpGroups::multicastOnLoopbackInterface()
{
    const QString lo = loopbackInterfaceName();
    if (lo.isEmpty())
        QSKIP("no loopback interface is up");
    GroupReceiver receiver;
    UdpSession *session = receiver.session.get();
    const RecordLog &log = receiver.log;
    QCOMPARE(session->state(), Session::State::Active);
    QVERIFY(session->joinGroup(kGroup, lo));
    session->flushRecords();
    QVERIFY2(lastEvent(log).contains(QStringLiteral("Joined multicast group 239.255.42.7 on ")),
             qPrintable(lastEvent(log)));

    auto sender = makeGroupSender();
    QVERIFY(sender);
    QCOMPARE(sender->writeDatagram("to the group", kGroup, session->localPort()), qint64(12));
    QTRY_COMPARE(session->datagramsReceived(), 1);
    QVERIFY(session->leaveGroup(kGroup, lo));
    QCOMPARE(session->joinedGroups().size(), 0);
}

void tst_UdpGroups::joinOnUnicastBoundSocketExplained()
{
    // Datagrams to a group are addressed to the group: a socket bound to 127.0.0.1 never
    // receives them, so "Joined" would be a lie.
    auto session = makeSession(kLoopback);
    RecordLog log(session.get());
    session->start();
    QVERIFY(!session->joinGroup(kGroup, loopbackInterfaceName()));
    session->flushRecords();
    const QString text = lastEvent(log);
    QVERIFY2(text.contains(QLatin1String("bound to 127.0.0.1")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("0.0.0.0")), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("Joined")));
    QCOMPARE(session->joinedGroups().size(), 0);
}

void tst_UdpGroups::joinErrorsInWords_data()
{
    QTest::addColumn<QHostAddress>("bind");
    QTest::addColumn<QHostAddress>("group");
    QTest::addColumn<QString>("interfaceName");
    QTest::addColumn<QString>("expected");
    const QHostAddress any4(QHostAddress::AnyIPv4);
    QTest::newRow("IPv4 group, IPv6 socket")
        << QHostAddress(QHostAddress::AnyIPv6) << kGroup << QString()
        << QStringLiteral("IPv4 group 239.255.42.7 cannot be joined on a socket bound to ::");
    QTest::newRow("IPv6 group, IPv4 socket")
        << any4 << QHostAddress(QStringLiteral("ff15::42")) << QString()
        << QStringLiteral("IPv6 group ff15::42 cannot be joined on a socket bound to 0.0.0.0");
    QTest::newRow("not a group") << any4 << QHostAddress(QStringLiteral("127.0.0.2")) << QString()
                                 << QStringLiteral("127.0.0.2 is not a multicast group address");
    QTest::newRow("no such interface")
        << any4 << kGroup << QStringLiteral("nosuchif0")
        << QStringLiteral("There is no network interface named nosuchif0");
}

void tst_UdpGroups::joinErrorsInWords()
{
    QFETCH(QHostAddress, bind);
    QFETCH(QHostAddress, group);
    QFETCH(QString, interfaceName);
    QFETCH(QString, expected);
    auto session = makeSession(bind);
    RecordLog log(session.get());
    session->start();
    QCOMPARE(session->state(), Session::State::Active);
    QVERIFY(!session->joinGroup(group, interfaceName));
    session->flushRecords();
    const QString text = lastEvent(log);
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("Unknown error")), qPrintable(text));
    QCOMPARE(log.errorEvents(), 1);
}

void tst_UdpGroups::joinTwiceSaysSo()
{
    const QString lo = loopbackInterfaceName();
    if (lo.isEmpty())
        QSKIP("no loopback interface is up");
    GroupReceiver receiver;
    UdpSession *session = receiver.session.get();
    const RecordLog &log = receiver.log;
    QVERIFY(session->joinGroup(kGroup, lo));
    QVERIFY(!session->joinGroup(kGroup, lo));
    session->flushRecords();
    const QString text = lastEvent(log);
    QVERIFY2(text.contains(QLatin1String("Already joined multicast group 239.255.42.7 on ")),
             qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("Unknown error")), qPrintable(text));
    QCOMPARE(session->joinedGroups().size(), 1);
}

void tst_UdpGroups::rejoinOnReopenIsLogged()
{
    const QString lo = loopbackInterfaceName();
    if (lo.isEmpty())
        QSKIP("no loopback interface is up");
    GroupReceiver receiver;
    UdpSession *session = receiver.session.get();
    const RecordLog &log = receiver.log;
    QVERIFY(session->joinGroup(kGroup, lo)); // joined by hand, not from the options
    session->stop();
    session->start();
    QCOMPARE(session->state(), Session::State::Active);
    session->flushRecords();
    QVERIFY2(lastEvent(log).contains(QStringLiteral("Rejoined multicast group 239.255.42.7 on ")),
             qPrintable(lastEvent(log)));
    QCOMPARE(session->joinedGroups().size(), 1);

    // ...and it is a real membership again.
    auto sender = makeGroupSender();
    QVERIFY(sender);
    QCOMPARE(sender->writeDatagram("again", kGroup, session->localPort()), qint64(5));
    QTRY_COMPARE(session->datagramsReceived(), 1);
}

QTEST_GUILESS_MAIN(tst_UdpGroups)
#include "tst_udpgroups.moc"
