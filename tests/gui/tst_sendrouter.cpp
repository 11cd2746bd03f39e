// SendRouter: what the send buttons may do and what the peer panel says about where a send
// goes, as one table of facts (the words the tab showed before it was split into parts), and
// the UDP tab's connection bar edited while the socket is open: the next send goes where the
// fields say now.
#include "ui/sendpanel.h"
#include "ui/sendrouter.h"
#include "ui/sessiontab.h"

#include "core/message/message.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QUdpSocket>

using namespace sockscope;
using namespace Qt::StringLiterals;

namespace {

const QHostAddress Loopback(QHostAddress::LocalHost);

using Mode = Session::Mode;

SendRouter::Facts facts(Mode mode, bool active, int open, int selected)
{
    SendRouter::Facts f;
    f.mode = mode;
    f.active = active;
    f.openPeers = open;
    f.selected = selected;
    return f;
}

// A UDP tab bound to 127.0.0.1 (any port), sending to remotePort, open.
void openUdp(SessionTab &tab, quint16 remotePort)
{
    auto *local = tab.findChild<QComboBox *>(u"localAddress"_s);
    QVERIFY(local);
    local->setCurrentIndex(local->findData(u"127.0.0.1"_s));
    tab.findChild<QLineEdit *>(u"remoteHost"_s)->setText(u"127.0.0.1"_s);
    tab.findChild<QSpinBox *>(u"remotePort"_s)->setValue(remotePort);
    tab.findChild<QPushButton *>(u"startButton"_s)->click();
    QCOMPARE(tab.session()->state(), Session::State::Active);
}

void sendText(SessionTab &tab, const QString &text)
{
    MessageSpec spec;
    spec.content = text;
    tab.sendPanel()->setSpec(spec);
    auto *send = tab.sendPanel()->findChild<QPushButton *>(u"sendButton"_s);
    QVERIFY(send);
    QVERIFY(send->isEnabled());
    send->click();
}

QByteArray nextDatagram(QUdpSocket &socket)
{
    if (!QTest::qWaitFor([&socket] { return socket.hasPendingDatagrams(); }))
        return {};
    return socket.receiveDatagram().data();
}

} // namespace

class tst_SendRouter : public QObject
{
    Q_OBJECT

private slots:
    void readiness_data();
    void readiness();
    void udpRemoteEditedWhileOpen();
    void udpReplyToLastTickedWhileOpen();
};

void tst_SendRouter::readiness_data()
{
    QTest::addColumn<SendRouter::Facts>("facts");
    QTest::addColumn<QString>("why"); // empty: may send
    QTest::addColumn<QString>("label");

    SendRouter::Facts f = facts(Mode::TcpServer, false, 0, 0);
    QTest::newRow("server idle") << f << u"Start listening first."_s
                                 << u"No client connected yet."_s;
    f = facts(Mode::TcpServer, true, 0, 0);
    QTest::newRow("server, none yet")
        << f << u"No client is connected yet."_s << u"No client connected yet."_s;
    f.clientsCame = true;
    QTest::newRow("server, all left")
        << f << u"No client is connected."_s << u"No client connected (all have left)."_s;
    f = facts(Mode::TcpServer, true, 3, 0);
    QTest::newRow("server, all") << f << QString() << u"Send to: all 3 client(s)"_s;
    f = facts(Mode::TcpServer, true, 3, 2);
    QTest::newRow("server, selected") << f << QString() << u"Send to: 2 selected client(s)"_s;
    f = facts(Mode::TcpServer, false, 2, 0); // stopped listening, clients still there
    QTest::newRow("server stopped, peers kept") << f << QString() << u"Send to: all 2 client(s)"_s;

    QTest::newRow("client idle") << facts(Mode::TcpClient, false, 0, 0) << u"Connect first."_s
                                 << QString();
    QTest::newRow("client connected")
        << facts(Mode::TcpClient, true, 1, 0) << QString() << QString();

    f = facts(Mode::Udp, false, 0, 0);
    f.remoteSet = true;
    QTest::newRow("udp closed") << f << u"Open the socket first."_s
                                << u"Send to: the remote address"_s;
    QTest::newRow("udp, nowhere") << facts(Mode::Udp, true, 0, 0)
                                  << u"Set a remote address or select a peer."_s
                                  << u"Send to: the remote address"_s;
    f = facts(Mode::Udp, true, 1, 0);
    f.remoteSet = true;
    QTest::newRow("udp, remote") << f << QString() << u"Send to: the remote address"_s;
    QTest::newRow("udp, selected")
        << facts(Mode::Udp, true, 3, 2) << QString() << u"Send to: 2 selected peer(s)"_s;
    f = facts(Mode::Udp, true, 1, 0);
    f.replyToLast = true;
    f.lastSender = u"127.0.0.1:5000"_s;
    QTest::newRow("udp, reply to last")
        << f << QString() << u"Send to: the last sender, 127.0.0.1:5000"_s;
    f.lastSender.clear();
    f.remoteSet = true;
    QTest::newRow("udp, reply to last, none yet, remote")
        << f << QString()
        << u"Send to: the remote address until a datagram arrives, then its sender"_s;
    f.remoteSet = false;
    QTest::newRow("udp, reply to last, none yet")
        << f << QString() << u"Send to: the last sender (nothing received yet)"_s;
}

void tst_SendRouter::readiness()
{
    QFETCH(SendRouter::Facts, facts);
    QFETCH(QString, why);
    QFETCH(QString, label);
    const SendReadiness r = SendRouter::readiness(facts);
    QCOMPARE(r.why, why);
    QCOMPARE(r.ok, why.isEmpty());
    QCOMPARE(r.label, label);
}

// The remote address typed while the socket is open is where the next send goes (the socket
// is not reopened); a host name would wait for the next open.
void tst_SendRouter::udpRemoteEditedWhileOpen()
{
    QUdpSocket first;
    QVERIFY(first.bind(Loopback, 0));
    QUdpSocket second;
    QVERIFY(second.bind(Loopback, 0));
    SessionTab tab(Session::Mode::Udp);
    openUdp(tab, first.localPort());
    sendText(tab, u"one"_s);
    QCOMPARE(nextDatagram(first), QByteArray("one"));

    tab.findChild<QSpinBox *>(u"remotePort"_s)->setValue(second.localPort());
    sendText(tab, u"two"_s);
    QCOMPARE(nextDatagram(second), QByteArray("two"));
    QVERIFY(!first.hasPendingDatagrams());
}

// "Reply to last sender" ticked while open applies at once, and the label says so.
void tst_SendRouter::udpReplyToLastTickedWhileOpen()
{
    QUdpSocket remote;
    QVERIFY(remote.bind(Loopback, 0));
    QUdpSocket sender;
    QVERIFY(sender.bind(Loopback, 0));
    SessionTab tab(Session::Mode::Udp);
    openUdp(tab, remote.localPort());
    QCOMPARE(sender.writeDatagram("hi", Loopback, tab.session()->boundPort()), qint64(2));
    QTRY_COMPARE(tab.session()->openPeerCount(), 1);

    auto *reply = tab.findChild<QCheckBox *>(u"replyToLast"_s);
    QVERIFY(reply);
    reply->setChecked(true);
    auto *label = tab.findChild<QLabel *>(u"sendTarget"_s);
    const QString who = u"127.0.0.1:%1"_s.arg(sender.localPort());
    QTRY_VERIFY2(label->text().contains(who), qPrintable(label->text()));
    sendText(tab, u"back"_s);
    QCOMPARE(nextDatagram(sender), QByteArray("back"));
    QVERIFY(!remote.hasPendingDatagrams());
}

QTEST_MAIN(tst_SendRouter)
#include "tst_sendrouter.moc"
