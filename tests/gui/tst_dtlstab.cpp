// DTLS in the UDP tab: the bar's DTLS switch and DTLS… options (the role: server with our
// certificate, client of the remote target), a new session when the switch changes, the
// plain-UDP options greyed, the send words, the settings through a restart, and real sessions
// on 127.0.0.1: a server tab (throwaway certificate) and a client tab exchanging datagrams,
// the client first refusing the self-signed server (the verification bar, Connect anyway).
#include "ui/certificatedialog.h"
#include "ui/connectionbar.h"
#include "ui/peerlistmodel.h"
#include "ui/sendpanel.h"
#include "ui/sendrouter.h"
#include "ui/sessiontab.h"
#include "ui/tlsdialog.h"
#include "ui/tlsverificationbar.h"

#include "core/message/message.h"
#include "core/session/sessionsettings.h"
#include "core/tls/certificatefingerprint.h"
#include "core/transport/dtlssession.h"
#include "core/transport/udpsession.h"

#include "boundport.h"
#include "guiactions.h"
#include "recordlog.h"
#include "screenshot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <optional>

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

namespace {

bool isRunning(const Session *s)
{
    return s->state() == Session::State::Active || s->state() == Session::State::Starting;
}

ConnectionBar *barOf(SessionTab &tab)
{
    return child<ConnectionBar>(&tab, "connectionBar");
}

// A DTLS server tab on 127.0.0.1 with a throwaway certificate made at start; its port.
quint16 startDtlsServer(SessionTab &server)
{
    SessionEndpoint e = barOf(server)->endpoint();
    e.localAddress = QHostAddress::LocalHost;
    e.localPort = 0;
    e.remoteHost.clear();
    e.tls.enabled = true;
    e.tls.generateCertificate = true;
    barOf(server)->setEndpoint(e);
    clickButton(child<QPushButton>(&server, "startButton"));
    return waitForBoundPort(server.session());
}

// A DTLS client tab towards port; settings as given (verification on unless insecure).
void setDtlsClient(SessionTab &client, quint16 port, const TlsSettings &tls)
{
    SessionEndpoint e = barOf(client)->endpoint();
    e.localAddress = QHostAddress::LocalHost;
    e.remoteHost = u"127.0.0.1"_s;
    e.remotePort = port;
    e.tls = tls;
    e.tls.enabled = true;
    barOf(client)->setEndpoint(e);
}

void sendText(SessionTab &tab, const QString &text)
{
    MessageSpec spec;
    spec.content = text;
    tab.sendPanel()->setSpec(spec);
    auto *send = child<QPushButton>(tab.sendPanel(), "sendButton");
    QVERIFY(send->isEnabled());
    send->click();
}

QStringList rxTexts(const RecordLog &log)
{
    QStringList out;
    for (const LogRecord &r : log.all())
        if (r.kind == LogRecord::Kind::Rx)
            out << QString::fromUtf8(r.bytes);
    return out;
}

} // namespace

class tst_DtlsTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { QDir(TlsDialog::throwawayFolder()).removeRecursively(); }
    void switchMakesNewSession();
    void roleInTheDialog();
    void plainUdpOptionsGreyed();
    void clientNeedsRemoteTarget();
    void sendWords_data();
    void sendWords();
    void settingsSurviveRestart();
    void serverAndClientExchange();
    void refusedThenConnectAnyway();
    void fitsSmallScreen();
};

// Plain UDP and DTLS are different session classes: the switch must replace the session,
// either way, while the tab is idle.
void tst_DtlsTab::switchMakesNewSession()
{
    SessionTab tab(Session::Mode::Udp);
    tab.show();
    QVERIFY(qobject_cast<UdpSession *>(tab.session()));
    auto *dtls = child<QCheckBox>(&tab, "tlsEnabled");
    QCOMPARE(dtls->text(), u"DTLS"_s);
    QCOMPARE(child<QToolButton>(&tab, "tlsOptions")->text(), u"DTLS…"_s);
    clickButton(dtls);
    QVERIFY(barOf(tab)->endpoint().tls.enabled);
    QVERIFY2(qobject_cast<DtlsSession *>(tab.session()), tab.session()->metaObject()->className());
    clickButton(dtls);
    QVERIFY2(qobject_cast<UdpSession *>(tab.session()), tab.session()->metaObject()->className());
    // Also when the switch comes from settings (setEndpoint), and at start.
    SessionEndpoint e = barOf(tab)->endpoint();
    e.tls.enabled = true;
    barOf(tab)->setEndpoint(e);
    QVERIFY(qobject_cast<DtlsSession *>(tab.session()));
}

// The dialog's role: a server shows its certificate section, a client the verification
// section; no ALPN anywhere; the server name says DTLS sends none. A client's answer has no
// certificate of its own (that would make it a server).
void tst_DtlsTab::roleInTheDialog()
{
    TlsDialog dialog(Session::Mode::Udp);
    QCOMPARE(dialog.windowTitle(), u"DTLS options"_s);
    dialog.show();
    QVERIFY(!dialog.findChild<QLineEdit *>(u"tlsAlpn"_s));
    auto *role = child<QComboBox>(&dialog, "dtlsRole");
    auto *serverSection = child<QGroupBox>(&dialog, "tlsServerSection");
    auto *clientSection = child<QGroupBox>(&dialog, "tlsClientSection");
    QCOMPARE(role->currentData().toBool(), false); // a fresh tab: a client
    QVERIFY(clientSection->isVisible());
    QVERIFY(!serverSection->isVisible());
    QVERIFY(child<QLabel>(&dialog, "dtlsServerNameNote")->text().contains(u"no server name"_s));

    role->setCurrentIndex(role->findData(true));
    QVERIFY(serverSection->isVisible());
    QVERIFY(!clientSection->isVisible());
    QVERIFY2(dialog.problem().contains(u"DTLS server needs a certificate"_s),
             qPrintable(dialog.problem()));
    child<QCheckBox>(&dialog, "tlsGenerateEachStart")->setChecked(true);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    typeOver(child<QLineEdit>(&dialog, "dtlsServerCaFile"), u"/etc/x/clients-ca.pem"_s);
    TlsSettings s = dialog.settings();
    QVERIFY(s.hasOwnCertificate());
    QCOMPARE(s.caFile, u"/etc/x/clients-ca.pem"_s);

    // Back to a client: the certificate is not part of the answer; settings given back to
    // the dialog pick the role again.
    dialog.setSettings(s);
    QCOMPARE(role->currentData().toBool(), true);
    role->setCurrentIndex(role->findData(false));
    typeOver(child<QLineEdit>(&dialog, "tlsServerName"), u"device.local"_s);
    s = dialog.settings();
    QVERIFY(!s.hasOwnCertificate());
    QCOMPARE(s.serverName, u"device.local"_s);
    dialog.setSettings(s);
    QCOMPARE(role->currentData().toBool(), false);
}

// Broadcast, Reply to last sender and multicast do nothing with DTLS: greyed while it is on,
// kept for when it is off again. The remote target is not taken live by a DTLS session.
void tst_DtlsTab::plainUdpOptionsGreyed()
{
    SessionTab tab(Session::Mode::Udp);
    tab.show();
    auto *broadcast = child<QCheckBox>(&tab, "broadcast");
    broadcast->setChecked(true);
    const QStringList names{u"broadcast"_s,          u"replyToLast"_s, u"multicastGroup"_s,
                            u"multicastInterface"_s, u"joinGroup"_s,   u"leaveGroup"_s};
    for (const QString &name : names)
        QVERIFY2(tab.findChild<QWidget *>(name)->isEnabled(), qPrintable(name));
    clickButton(child<QCheckBox>(&tab, "tlsEnabled"));
    for (const QString &name : names) {
        QVERIFY2(!tab.findChild<QWidget *>(name)->isEnabled(), qPrintable(name));
        QVERIFY(tab.findChild<QWidget *>(name)->toolTip().contains(u"DTLS"_s));
    }
    QVERIFY(broadcast->isChecked());
    clickButton(child<QCheckBox>(&tab, "tlsEnabled"));
    for (const QString &name : names) {
        QVERIFY2(tab.findChild<QWidget *>(name)->isEnabled(), qPrintable(name));
        QVERIFY(!tab.findChild<QWidget *>(name)->toolTip().contains(u"DTLS"_s));
    }

    // Open as a DTLS server: the remote target is not editable (no live updates).
    SessionEndpoint e = barOf(tab)->endpoint();
    e.localAddress = QHostAddress::LocalHost;
    e.tls.enabled = true;
    e.tls.generateCertificate = true;
    barOf(tab)->setEndpoint(e);
    clickButton(child<QPushButton>(&tab, "startButton"));
    QTRY_COMPARE(tab.session()->state(), Session::State::Active);
    QVERIFY(!child<QLineEdit>(&tab, "remoteHost")->isEnabled());
}

void tst_DtlsTab::clientNeedsRemoteTarget()
{
    SessionTab tab(Session::Mode::Udp);
    tab.show();
    SessionEndpoint e = barOf(tab)->endpoint();
    e.localAddress = QHostAddress::LocalHost;
    e.remoteHost.clear();
    e.tls.enabled = true;
    barOf(tab)->setEndpoint(e);
    clickButton(child<QPushButton>(&tab, "startButton"));
    QCOMPARE(tab.session()->state(), Session::State::Idle);
    const QString shown = child<QLabel>(&tab, "stateLabel")->text();
    QVERIFY2(shown.contains(u"DTLS client needs the remote target"_s), qPrintable(shown));
}

void tst_DtlsTab::sendWords_data()
{
    QTest::addColumn<bool>("server");
    QTest::addColumn<bool>("active");
    QTest::addColumn<int>("openPeers");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("words"); // in why, or else in the label
    QTest::newRow("server, closed") << true << false << 0 << false << u"Open the socket"_s;
    QTest::newRow("server, no client") << true << true << 0 << false << u"handshake"_s;
    // A server needs no remote target: its clients are the targets.
    QTest::newRow("server, two clients") << true << true << 2 << true << u"all 2 DTLS"_s;
    QTest::newRow("client, handshaking") << false << false << 0 << false << u"handshake"_s;
    QTest::newRow("client, open") << false << true << 1 << true << u"the DTLS server"_s;
}

void tst_DtlsTab::sendWords()
{
    QFETCH(bool, server);
    QFETCH(bool, active);
    QFETCH(int, openPeers);
    QFETCH(bool, ok);
    QFETCH(QString, words);
    SendRouter::Facts f;
    f.mode = Session::Mode::Udp;
    f.dtls = true;
    f.dtlsServer = server;
    f.active = active;
    f.openPeers = openPeers;
    f.remoteSet = false;
    f.replyToLast = true; // ignored with DTLS
    const SendReadiness r = SendRouter::readiness(f);
    QCOMPARE(r.ok, ok);
    const QString said = ok ? r.label : r.why;
    QVERIFY2(said.contains(words), qPrintable(said));
}

void tst_DtlsTab::settingsSurviveRestart()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"tab.ini"_s), QSettings::IniFormat);
    TlsSettings s;
    s.enabled = true;
    s.caFile = u"/etc/x/ca.pem"_s;
    s.serverName = u"device.local"_s;
    s.clientCertFile = u"/etc/x/me.pem"_s;
    s.clientKeyFile = u"/etc/x/me-key.pem"_s;
    {
        SessionTab tab(Session::Mode::Udp);
        SessionEndpoint e = barOf(tab)->endpoint();
        e.tls = s;
        barOf(tab)->setEndpoint(e);
        settings.beginGroup(u"t"_s);
        tab.saveState(settings);
        settings.endGroup();
    }
    SessionTab again(Session::Mode::Udp);
    settings.beginGroup(u"t"_s);
    again.restoreState(settings);
    settings.endGroup();
    const TlsSettings back = barOf(again)->endpoint().tls;
    QVERIFY(back.enabled);
    QCOMPARE(back.caFile, s.caFile);
    QCOMPARE(back.serverName, s.serverName);
    QCOMPARE(back.clientCertFile, s.clientCertFile);
    QCOMPARE(back.clientKeyFile, s.clientKeyFile);
    QVERIFY(child<QCheckBox>(&again, "tlsEnabled")->isChecked());
    QVERIFY(qobject_cast<DtlsSession *>(again.session())); // the restored tab is DTLS
    QVERIFY(child<QToolButton>(&again, "tlsOptions")->toolTip().contains(u"DTLS client"_s));

    // A server's: the throwaway at each start.
    s.caFile.clear();
    s.generateCertificate = true;
    {
        SessionTab tab(Session::Mode::Udp);
        SessionEndpoint e = barOf(tab)->endpoint();
        e.tls = s;
        barOf(tab)->setEndpoint(e);
        settings.beginGroup(u"s"_s);
        tab.saveState(settings);
        settings.endGroup();
    }
    SessionTab server(Session::Mode::Udp);
    settings.beginGroup(u"s"_s);
    server.restoreState(settings);
    settings.endGroup();
    QVERIFY(barOf(server)->endpoint().tls.generateCertificate);
    QVERIFY(child<QToolButton>(&server, "tlsOptions")->toolTip().contains(u"DTLS server"_s));
}

// The whole path with real sessions: a client that trusts nothing refuses the self-signed
// server; the bar says why, Connect anyway this time shakes hands, both send, and both peer
// rows say DTLSv1.2; the client's certificate window shows the server's certificate.
void tst_DtlsTab::refusedThenConnectAnyway()
{
    // Before the tabs: a stopping session still delivers records to them.
    std::optional<RecordLog> serverLog, clientLog;
    SessionTab server(Session::Mode::Udp);
    server.resize(900, 600);
    server.show();
    const quint16 port = startDtlsServer(server);
    QVERIFY(port);
    QTRY_COMPARE(server.session()->state(), Session::State::Active);
    const QSslCertificate shown = server.session()->tlsCertificate();
    QVERIFY(!shown.isNull());
    serverLog.emplace(server.session());

    SessionTab client(Session::Mode::Udp);
    client.resize(900, 600);
    client.show();
    setDtlsClient(client, port, TlsSettings());
    clickButton(child<QPushButton>(&client, "startButton"));
    auto *message = child<TlsVerificationBar>(&client, "tlsVerificationBar");
    QTRY_VERIFY(!message->isHidden());
    QTRY_VERIFY(!isRunning(client.session()));
    QVERIFY2(message->text().contains(u"self-signed"_s, Qt::CaseInsensitive),
             qPrintable(message->text()));
    QVERIFY(saveScreenshot(client, u"dtls-refused-900"_s));
    clickButton(child<QPushButton>(&client, "tlsShowRefused"));
    QVERIFY(client.certificateDialog()->panel()->plainText().contains(sha256Fingerprint(shown)));
    client.certificateDialog()->hide();

    clickButton(child<QPushButton>(&client, "tlsConnectAnyway"));
    QTRY_COMPARE(client.session()->state(), Session::State::Active);
    QVERIFY(message->isHidden());
    QVERIFY(!barOf(client)->endpoint().tls.insecure); // for that start only
    clientLog.emplace(client.session());

    sendText(client, u"hello server"_s);
    QTRY_VERIFY2(rxTexts(*serverLog).contains(u"hello server"_s),
                 qPrintable(rxTexts(*serverLog).join(u'|')));
    sendText(server, u"hello client"_s); // to every client whose handshake finished
    QTRY_VERIFY2(rxTexts(*clientLog).contains(u"hello client"_s),
                 qPrintable(rxTexts(*clientLog).join(u'|')));

    // The client's one peer (the server), and the server's newest (the refused start's client
    // may still be listed: nothing tells a DTLS server that a client gave up).
    for (SessionTab *tab : {&server, &client}) {
        auto *peers = child<QTreeView>(tab, "peerList");
        QTRY_VERIFY(peers->model()->rowCount() >= 1);
        const int last = peers->model()->rowCount() - 1;
        QCOMPARE(peers->model()->index(last, PeerListModel::Tls).data().toString(), u"DTLSv1.2"_s);
    }
    QCOMPARE(child<QTreeView>(&client, "peerList")->model()->rowCount(), 1);
    QVERIFY(saveScreenshot(server, u"dtls-server-900"_s));

    // Certificates… of the client without a selection: the server's certificate, the errors
    // it accepted.
    auto *certificates = child<QToolButton>(&client, "showCertificates");
    QVERIFY(certificates->isVisible());
    clickButton(certificates);
    const QString text = client.certificateDialog()->panel()->plainText();
    QVERIFY2(text.contains(sha256Fingerprint(shown)), qPrintable(text));
    QVERIFY2(text.contains(u"Verification errors accepted"_s), qPrintable(text));
    QVERIFY2(text.contains(u"DTLSv1.2"_s), qPrintable(text));
}

// A client that trusts the server's certificate (saved from the server's dialog as a CA file)
// exchanges at once, no bar.
void tst_DtlsTab::serverAndClientExchange()
{
    QTemporaryDir dir;
    std::optional<RecordLog> serverLog, clientLog; // before the tabs, as above
    SessionTab server(Session::Mode::Udp);
    server.show();
    const quint16 port = startDtlsServer(server);
    QVERIFY(port);
    QTRY_COMPARE(server.session()->state(), Session::State::Active);
    const QString ca = dir.filePath(u"server.pem"_s);
    {
        QFile f(ca);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(server.session()->tlsCertificate().toPem());
    }
    serverLog.emplace(server.session());

    SessionTab client(Session::Mode::Udp);
    client.show();
    TlsSettings tls;
    tls.caFile = ca;
    tls.serverName = u"localhost"_s;
    setDtlsClient(client, port, tls);
    clickButton(child<QPushButton>(&client, "startButton"));
    QTRY_COMPARE(client.session()->state(), Session::State::Active);
    QVERIFY(child<TlsVerificationBar>(&client, "tlsVerificationBar")->isHidden());
    clientLog.emplace(client.session());
    sendText(client, u"ping"_s);
    QTRY_VERIFY(rxTexts(*serverLog).contains(u"ping"_s));
    sendText(server, u"pong"_s);
    QTRY_VERIFY(rxTexts(*clientLog).contains(u"pong"_s));
}

// The UDP bar with DTLS and the DTLS dialog at 900×600.
void tst_DtlsTab::fitsSmallScreen()
{
    SessionTab tab(Session::Mode::Udp);
    SessionEndpoint e = barOf(tab)->endpoint();
    e.tls.enabled = true;
    barOf(tab)->setEndpoint(e);
    tab.resize(900, 600);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QTest::qWait(20);
    for (const char *name :
         {"tlsEnabled", "tlsOptions", "startButton", "optionsToggle", "showCertificates"}) {
        auto *w = child<QWidget>(&tab, name);
        QVERIFY2(w->isVisible(), name);
        QVERIFY2(w->width() + 1 >= w->minimumSizeHint().width(), name);
        QVERIFY2(w->geometry().right() <= barOf(tab)->width(), name);
    }
    QVERIFY(saveScreenshot(tab, u"dtls-tab-900"_s));
    for (bool server : {false, true}) {
        TlsDialog dialog(Session::Mode::Udp);
        TlsSettings s;
        s.generateCertificate = server;
        dialog.setSettings(s, u"127.0.0.1"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.sizeHint().height() <= 600 - 40,
                 qPrintable(u"the dialog needs %1 px"_s.arg(dialog.sizeHint().height())));
        QVERIFY2(dialog.sizeHint().width() <= 900,
                 qPrintable(u"the dialog needs %1 px"_s.arg(dialog.sizeHint().width())));
        QVERIFY(
            saveScreenshot(dialog, u"dtls-dialog-%1"_s.arg(server ? u"server"_s : u"client"_s)));
    }
}

QTEST_MAIN(tst_DtlsTab)
#include "tst_dtlstab.moc"
