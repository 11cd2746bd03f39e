#include "cli/launchoptions.h"
#include "core/session/sessionendpoint.h"
#include "core/transport/sessionfactory.h"
#include "core/transport/tcpclientsession.h"
#include "core/transport/tcpserversession.h"
#include "core/transport/udpsession.h"

#include <QTest>

#include <memory>

using namespace sockscope;
using namespace Qt::StringLiterals;

// One mapping from "where and how" to each session kind's options, used by the
// window and the command line alike.
class tst_SessionEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void createsEachMode_data()
    {
        QTest::addColumn<Session::Mode>("mode");
        QTest::newRow("tcp-server") << Session::Mode::TcpServer;
        QTest::newRow("tcp-client") << Session::Mode::TcpClient;
        QTest::newRow("udp") << Session::Mode::Udp;
    }

    void createsEachMode()
    {
        QFETCH(Session::Mode, mode);
        std::unique_ptr<Session> s(createSession(mode, nullptr));
        QVERIFY(s);
        QCOMPARE(s->mode(), mode);
        QCOMPARE(s->state(), Session::State::Idle);
    }

    void serverKeepsDefaultAddressWhenNoneGiven()
    {
        TcpServerSession s;
        SessionEndpoint e;
        e.localPort = 9000;
        e.maxClients = 7;
        s.setEndpoint(e);
        QCOMPARE(s.options().address, QHostAddress(QHostAddress::Any));
        QCOMPARE(s.options().port, quint16(9000));
        QCOMPARE(s.options().maxClients, 7);
        e.localAddress = QHostAddress(QHostAddress::LocalHost);
        s.setEndpoint(e);
        QCOMPARE(s.options().address, QHostAddress(QHostAddress::LocalHost));
    }

    void clientAndUdp()
    {
        TcpClientSession c;
        SessionEndpoint e;
        e.remoteHost = u"example.invalid"_s;
        e.remotePort = 80;
        e.localPort = 4000;
        e.connectTimeoutMs = 1234;
        e.autoReconnect = true;
        c.setEndpoint(e);
        QCOMPARE(c.options().host, u"example.invalid"_s);
        QCOMPARE(c.options().port, quint16(80));
        QCOMPARE(c.options().localPort, quint16(4000));
        QVERIFY(c.options().localAddress.isNull());
        QCOMPARE(c.options().connectTimeoutMs, 1234);
        QVERIFY(c.options().autoReconnect);

        UdpSession u;
        e.broadcast = true;
        e.replyToLast = true;
        e.multicastGroup = QHostAddress(u"239.1.2.3"_s);
        u.setEndpoint(e);
        QCOMPARE(u.options().bindAddress, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(u.options().port, quint16(4000));
        QCOMPARE(u.options().remoteHost, u"example.invalid"_s);
        QVERIFY(u.options().broadcast && u.options().replyToLastSender);
        QCOMPARE(u.options().multicastGroup, QHostAddress(u"239.1.2.3"_s));
    }

    // "::" is both families (Qt's Any), "[::]" IPv6 only (AnyIPv6); the window's list, --bind
    // and saved settings all read and write these forms.
    void localAddressText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QHostAddress>("address");
        QTest::addColumn<QString>("written"); // localAddressText(address)
        QTest::newRow("::") << u"::"_s << QHostAddress(QHostAddress::Any) << u"::"_s;
        QTest::newRow("long ::") << u"0:0:0:0:0:0:0:0"_s << QHostAddress(QHostAddress::Any)
                                 << u"::"_s;
        QTest::newRow("[::]") << u"[::]"_s << QHostAddress(QHostAddress::AnyIPv6) << u"[::]"_s;
        QTest::newRow("0.0.0.0") << u"0.0.0.0"_s << QHostAddress(QHostAddress::AnyIPv4)
                                 << u"0.0.0.0"_s;
        QTest::newRow("::1") << u"::1"_s << QHostAddress(QHostAddress::LocalHostIPv6) << u"::1"_s;
        QTest::newRow("[::1]") << u"[::1]"_s << QHostAddress(QHostAddress::LocalHostIPv6)
                               << u"::1"_s;
        QTest::newRow("spaces") << u" 127.0.0.1 "_s << QHostAddress(QHostAddress::LocalHost)
                                << u"127.0.0.1"_s;
        QTest::newRow("[127.0.0.1]") << u"[127.0.0.1]"_s << QHostAddress() << QString();
        QTest::newRow("name") << u"localhost"_s << QHostAddress() << QString();
        QTest::newRow("empty") << QString() << QHostAddress() << QString();
        QTest::newRow("[]") << u"[]"_s << QHostAddress() << QString();
    }

    void localAddressText()
    {
        QFETCH(QString, text);
        QFETCH(QHostAddress, address);
        QFETCH(QString, written);
        const QHostAddress parsed = parseLocalAddress(text);
        QCOMPARE(parsed.isNull(), address.isNull());
        // QHostAddress's == treats Any and AnyIPv6 alike: compare the protocol too.
        QCOMPARE(parsed.protocol(), address.protocol());
        QCOMPARE(parsed, address);
        QCOMPARE(sockscope::localAddressText(parsed), written);
        if (!address.isNull()) { // written text reads back as the same address
            QCOMPARE(parseLocalAddress(written).protocol(), address.protocol());
            QCOMPARE(parseLocalAddress(written), address);
        }
    }

    // --bind :: means both families (it meant IPv6 only); [::] asks for IPv6 only.
    void launchOptionsBindWildcards_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QHostAddress>("address"); // compared with its protocol
        QTest::newRow("::") << u"::"_s << true << QHostAddress(QHostAddress::Any);
        QTest::newRow("[::]") << u"[::]"_s << true << QHostAddress(QHostAddress::AnyIPv6);
        QTest::newRow("0.0.0.0") << u"0.0.0.0"_s << true << QHostAddress(QHostAddress::AnyIPv4);
        QTest::newRow("[127.0.0.1]") << u"[127.0.0.1]"_s << false << QHostAddress();
    }

    void launchOptionsBindWildcards()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        QFETCH(QHostAddress, address);
        const LaunchParse parse =
            parseLaunchOptions({u"sockscope"_s, u"--mode"_s, u"tcp-server"_s, u"--bind"_s, text});
        if (!accepted) {
            QCOMPARE(parse.outcome, LaunchParse::Outcome::Error);
            return;
        }
        QVERIFY(parse.outcome != LaunchParse::Outcome::Error);
        const QHostAddress bound = parse.options.endpoint().localAddress;
        // QHostAddress's == treats Any and AnyIPv6 alike: compare the protocol too.
        QCOMPARE(bound.protocol(), address.protocol());
        QCOMPARE(bound, address);
    }

    // --port is the local port for servers and UDP, the remote one for clients.
    void launchOptionsPortMeaning()
    {
        const auto parse = [](QStringList args) {
            args.prepend(u"sockscope"_s);
            return parseLaunchOptions(args).options.endpoint();
        };
        const SessionEndpoint server = parse({u"--mode"_s, u"tcp-server"_s, u"--port"_s, u"9"_s});
        QCOMPARE(server.localPort, quint16(9));
        QVERIFY(server.localAddress.isNull());
        const SessionEndpoint client =
            parse({u"--mode"_s, u"tcp-client"_s, u"--host"_s, u"h"_s, u"--port"_s, u"9"_s,
                   u"--local-port"_s, u"5"_s, u"--bind"_s, u"127.0.0.1"_s});
        QCOMPARE(client.remotePort, quint16(9));
        QCOMPARE(client.localPort, quint16(5));
        QCOMPARE(client.remoteHost, u"h"_s);
        QCOMPARE(client.localAddress, QHostAddress(QHostAddress::LocalHost));
        const SessionEndpoint udp =
            parse({u"--mode"_s, u"udp"_s, u"--port"_s, u"8"_s, u"--remote"_s, u"127.0.0.1:7"_s});
        QCOMPARE(udp.localPort, quint16(8));
        QCOMPARE(udp.remotePort, quint16(7));
    }
};

QTEST_GUILESS_MAIN(tst_SessionEndpoint)
#include "tst_sessionendpoint.moc"
