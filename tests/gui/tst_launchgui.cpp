// The window opened with command-line options: the tab of that mode is
// configured by them and, with --start, already listening / connected.
#include "ui/appsettings.h"
#include "cli/launchoptions.h"
#include "ui/logmodel.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"
#include "ui/sessiontab.h"

#include "boundport.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace sockscope;
using namespace Qt::StringLiterals;

class tst_LaunchGui : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    LaunchOptions parse(QStringList args)
    {
        args.prepend(u"sockscope"_s);
        const LaunchParse p = parseLaunchOptions(args);
        if (p.outcome != LaunchParse::Outcome::Ok)
            qFatal("bad test arguments: %s", qPrintable(p.message));
        return p.options;
    }

private slots:
    void serverStartsConfigured()
    {
        AppSettings settings(m_dir.filePath(u"a.ini"_s));
        MainWindow window(&settings);
        window.applyLaunchOptions(
            parse({u"--mode"_s, u"tcp-server"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
                   u"--framing"_s, u"line"_s, u"--encoding"_s, u"gbk"_s, u"--start"_s}));
        SessionTab *tab = window.currentSession();
        QVERIFY(tab);
        QCOMPARE(tab->mode(), Session::Mode::TcpServer);
        const quint16 port = test::waitForBoundPort(tab->session());
        QVERIFY(port != 0);
        QCOMPARE(tab->session()->stateText(), u"Listening on 127.0.0.1:%1"_s.arg(port));
        QVERIFY(tab->session()->framing().isLine());
        QCOMPARE(tab->logPane()->displayMode(), LogModel::DisplayMode::Gbk);
        QVERIFY(window.sessionTabs()
                    ->tabText(window.sessionTabs()->currentIndex())
                    .contains(QString::number(port)));

        // It really listens, with the framing applied: two lines sent in one write
        // become two GBK rows.
        QTcpSocket peer;
        peer.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(peer.waitForConnected(3000));
        peer.write(QByteArray::fromHex("c4e3bac30a") + "ok\n");
        QVERIFY(peer.waitForBytesWritten(3000));
        const LogModel *model = tab->logPane()->model();
        auto rxTexts = [model] {
            QStringList out;
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->record(r).kind == LogRecord::Kind::Rx)
                    out << model->index(r, LogModel::DataColumn).data().toString();
            return out;
        };
        QTRY_COMPARE(rxTexts(), (QStringList{u"你好"_s, u"ok"_s}));
    }

    // The window opened with --bind :: listens on both families, and its list shows that
    // entry. (The wildcard is bound; the clients stay on loopback.)
    void bindAnyListensOnBothFamilies()
    {
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHostIPv6, 0))
                QSKIP("IPv6 loopback is not available here");
        }
        AppSettings settings(m_dir.filePath(u"any.ini"_s));
        MainWindow window(&settings);
        window.applyLaunchOptions(parse({u"--mode"_s, u"tcp-server"_s, u"--bind"_s, u"::"_s,
                                         u"--port"_s, u"0"_s, u"--start"_s}));
        SessionTab *tab = window.currentSession();
        QVERIFY(tab);
        Session *server = tab->session();
        const quint16 port = test::waitForBoundPort(server);
        QVERIFY(port != 0);
        QTcpSocket four, six;
        four.connectToHost(QHostAddress::LocalHost, port);
        six.connectToHost(QHostAddress::LocalHostIPv6, port);
        QTRY_COMPARE(four.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(six.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(server->openPeerCount(), 2);
        const auto *local = tab->findChild<QComboBox *>(u"localAddress"_s);
        QVERIFY(local);
        QCOMPARE(local->currentText(), u":: (all interfaces, IPv6 and IPv4)"_s);
    }

    void withoutStartItOnlyConfigures()
    {
        AppSettings settings(m_dir.filePath(u"b.ini"_s));
        MainWindow window(&settings);
        window.applyLaunchOptions(
            parse({u"--mode"_s, u"udp"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
                   u"--remote"_s, u"127.0.0.1:7777"_s, u"--encoding"_s, u"hex"_s}));
        SessionTab *tab = window.currentSession();
        QVERIFY(tab);
        QCOMPARE(tab->mode(), Session::Mode::Udp);
        QCOMPARE(tab->session()->state(), Session::State::Idle);
        QCOMPARE(tab->logPane()->displayMode(), LogModel::DisplayMode::Hex);
        QVERIFY(tab->title().contains(u"UDP"_s));
    }

    void clientConnectsWithStart()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        AppSettings settings(m_dir.filePath(u"c.ini"_s));
        MainWindow window(&settings);
        window.applyLaunchOptions(
            parse({u"--mode"_s, u"tcp-client"_s, u"--host"_s, u"127.0.0.1"_s, u"--port"_s,
                   QString::number(server.serverPort()), u"--start"_s}));
        QTRY_VERIFY(server.hasPendingConnections());
        SessionTab *tab = window.currentSession();
        QTRY_COMPARE(tab->session()->state(), Session::State::Active);
        QVERIFY(tab->title().contains(QString::number(server.serverPort())));
    }

    // --report in the window: the launched tab's run report, in the headless format,
    // written once when the window closes (as on SIGTERM, which closes the window).
    void reportWrittenWhenWindowCloses()
    {
        const QString reportPath = m_dir.filePath(u"report.json"_s);
        AppSettings settings(m_dir.filePath(u"d.ini"_s));
        MainWindow window(&settings);
        window.applyLaunchOptions(
            parse({u"--mode"_s, u"tcp-server"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
                   u"--start"_s, u"--report"_s, reportPath}));
        Session *server = window.currentSession()->session();
        const quint16 port = test::waitForBoundPort(server);
        QVERIFY(port != 0);
        QTcpSocket peer;
        peer.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(peer.waitForConnected(3000));
        const quint16 peerPort = peer.localPort();
        peer.write("12345");
        QVERIFY(peer.waitForBytesWritten(3000));
        QTRY_COMPARE(server->rxBytesTotal(), 5);
        peer.disconnectFromHost();
        QTRY_COMPARE(server->openPeerCount(), 0);
        QTest::qWait(30); // a few lag samples
        QVERIFY(!QFile::exists(reportPath));

        window.close();
        QFile f(reportPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(report.value(u"mode"_s).toString(), u"tcp-server"_s);
        QCOMPARE(report.value(u"rx_bytes_total"_s).toInteger(), 5);
        QCOMPARE(report.value(u"tx_bytes_total"_s).toInteger(), 0);
        QCOMPARE(report.value(u"peak_clients"_s).toInteger(), 1);
        const QJsonArray connections = report.value(u"connections"_s).toArray();
        QCOMPARE(connections.size(), 1);
        const QJsonObject c = connections.at(0).toObject();
        QCOMPARE(c.value(u"peer"_s).toString(), u"127.0.0.1:%1"_s.arg(peerPort));
        QCOMPARE(c.value(u"rx_bytes"_s).toInteger(), 5);
        QCOMPARE(c.value(u"close_reason"_s).toString(), u"peer-closed"_s);
        QVERIFY(report.value(u"event_loop_lag_ms"_s).toObject().value(u"samples"_s).toInteger() >
                0);

        // Once: closing again (or the tab) does not write it again.
        f.close();
        QVERIFY(QFile::remove(reportPath));
        window.close();
        QVERIFY(!QFile::exists(reportPath));
    }
};

QTEST_MAIN(tst_LaunchGui)
#include "tst_launchgui.moc"
