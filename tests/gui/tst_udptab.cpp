// The UDP tab's connection bar: the default local port, Broadcast ticked while the socket is
// open, and the interface a multicast group is joined on. Broadcast goes only to the loopback
// range's broadcast address (127.255.255.255); multicast stays on the loopback interface.
#include "ui/sendpanel.h"
#include "ui/sessiontab.h"

#include "core/message/message.h"
#include "core/transport/udpsession.h"

#include "loopbackinterface.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QUdpSocket>

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

namespace {

void chooseLocalAddress(SessionTab &tab, const QString &address)
{
    auto *local = tab.findChild<QComboBox *>(u"localAddress"_s);
    QVERIFY(local);
    const int idx = local->findData(address);
    QVERIFY(idx >= 0);
    local->setCurrentIndex(idx);
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

} // namespace

class tst_UdpTab : public QObject
{
    Q_OBJECT

private slots:
    void defaultLocalPortIsAnyAndRealPortShown();
    void broadcastTickedWhileOpenApplies();
    void joinOnChosenInterface();
};

void tst_UdpTab::defaultLocalPortIsAnyAndRealPortShown()
{
    SessionTab tab(Session::Mode::Udp);
    auto *port = tab.findChild<QSpinBox *>(u"localPort"_s);
    QVERIFY(port);
    // 8888 is the classic lesson's receiver: a fresh UDP tab must not take it.
    QCOMPARE(port->value(), 0);
    QVERIFY(!port->specialValueText().isEmpty()); // "any", not a bare 0
    chooseLocalAddress(tab, u"127.0.0.1"_s);
    tab.findChild<QPushButton *>(u"startButton"_s)->click();
    QCOMPARE(tab.session()->state(), Session::State::Active);
    const quint16 real = tab.session()->boundPort();
    QVERIFY(real != 0);
    const QString shown = tab.findChild<QLabel *>(u"stateLabel"_s)->text();
    QVERIFY2(shown.contains(u":%1"_s.arg(real)), qPrintable(shown));
    QVERIFY2(tab.title().contains(u":%1"_s.arg(real)), qPrintable(tab.title()));
}

void tst_UdpTab::broadcastTickedWhileOpenApplies()
{
    QUdpSocket receiver;
    QVERIFY(receiver.bind(QHostAddress(QHostAddress::AnyIPv4), 0));
    SessionTab tab(Session::Mode::Udp);
    chooseLocalAddress(tab, u"127.0.0.1"_s);
    tab.findChild<QLineEdit *>(u"remoteHost"_s)->setText(u"127.255.255.255"_s);
    tab.findChild<QSpinBox *>(u"remotePort"_s)->setValue(receiver.localPort());
    auto *broadcast = tab.findChild<QCheckBox *>(u"broadcast"_s);
    QVERIFY(broadcast);
    QVERIFY(!broadcast->isChecked());
    tab.findChild<QPushButton *>(u"startButton"_s)->click();
    QCOMPARE(tab.session()->state(), Session::State::Active);

    QVERIFY(!tab.session()->send("refused").ok()); // the gate works while unticked
    broadcast->click();                            // ticked while the socket is open
    QVERIFY(broadcast->isChecked());
    sendText(tab, u"after tick"_s);
    QTRY_VERIFY(receiver.hasPendingDatagrams());
    QCOMPARE(receiver.receiveDatagram().data(), QByteArray("after tick"));
}

void tst_UdpTab::joinOnChosenInterface()
{
    const QString lo = loopbackInterfaceName();
    if (lo.isEmpty())
        QSKIP("no loopback interface is up");
    SessionTab tab(Session::Mode::Udp);
    chooseLocalAddress(tab, QHostAddress(QHostAddress::AnyIPv4).toString());
    auto *iface = tab.findChild<QComboBox *>(u"multicastInterface"_s);
    QVERIFY(iface);
    const int idx = iface->findData(lo);
    QVERIFY2(idx >= 0, "the loopback interface is not offered");
    iface->setCurrentIndex(idx);
    tab.findChild<QLineEdit *>(u"multicastGroup"_s)->setText(u"239.255.42.8"_s);
    tab.findChild<QPushButton *>(u"startButton"_s)->click();
    auto *udp = qobject_cast<UdpSession *>(tab.session());
    QCOMPARE(udp->state(), Session::State::Active);
    // Joined at open on the chosen interface; Join again says so instead of joining twice.
    QCOMPARE(udp->joinedGroups().size(), 1);
    QCOMPARE(udp->joinedGroups().constFirst().interfaceName, lo);
    tab.findChild<QToolButton *>(u"leaveGroup"_s)->click();
    QCOMPARE(udp->joinedGroups().size(), 0);
    tab.findChild<QToolButton *>(u"joinGroup"_s)->click();
    QCOMPARE(udp->joinedGroups().size(), 1);
    QCOMPARE(udp->joinedGroups().constFirst().interfaceName, lo);
}

QTEST_MAIN(tst_UdpTab)
#include "tst_udptab.moc"
