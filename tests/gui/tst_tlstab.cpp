// TLS in a tab: the connection bar's switch and TLS… button (the dialog's answer reaches the
// endpoint; a relay's two sides), a start refused with the file's problem in words, the
// passphrase question for an encrypted key (never kept, never saved), the settings through a
// restart, and the verification bar: the reasons, Show certificate, Connect anyway this time.
#include "ui/appsettings.h"
#include "ui/certificatedialog.h"
#include "ui/connectionbar.h"
#include "ui/mainwindow.h"
#include "ui/sessiontab.h"
#include "ui/tlsdialog.h"
#include "ui/tlsverificationbar.h"

#include "ui/peerlistmodel.h"

#include "core/session/sessionsettings.h"
#include "core/tls/certificatefingerprint.h"
#include "core/tls/throwawaycertificate.h"

#include "boundport.h"
#include "guiactions.h"
#include "modalanswers.h"
#include "screenshot.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(sockscope::Session::Mode)

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

ModalAnswers::Match isTlsDialog()
{
    return [](QWidget *w) { return qobject_cast<TlsDialog *>(w) != nullptr; };
}

ModalAnswers::Match isInputDialog()
{
    return [](QWidget *w) { return qobject_cast<QInputDialog *>(w) != nullptr; };
}

bool isRunning(const Session *s)
{
    return s->state() == Session::State::Active || s->state() == Session::State::Starting;
}

} // namespace

class tst_TlsTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { QDir(TlsDialog::throwawayFolder()).removeRecursively(); }
    void switchAndOptionsReachEndpoint();
    void relaySidesInTheDialog();
    void startRefusedWithFileProblem();
    void passphraseAskedNeverKept();
    void passphraseCancelStartsNothing();
    void settingsSurviveRestart();
    void windowRestartKeepsTls();
    void verificationBar();
    void certificatesButtonFollowsTls();
    void realServerRefusedThenAccepted();
    void trustedServerCertificatePanel();
    void relayUpstreamRefusedThenAccepted();
    void fitsSmallScreen_data();
    void fitsSmallScreen();
};

void tst_TlsTab::switchAndOptionsReachEndpoint()
{
    SessionTab tab(Session::Mode::TcpClient);
    tab.show();
    auto *bar = child<ConnectionBar>(&tab, "connectionBar");
    QVERIFY(!bar->endpoint().tls.enabled);
    clickButton(child<QCheckBox>(&tab, "tlsEnabled"));
    QVERIFY(bar->endpoint().tls.enabled);

    ModalAnswers answers;
    answers.expect(u"TLS options"_s, isTlsDialog(), [](QWidget *w) {
        typeOver(child<QLineEdit>(w, "tlsServerName"), u"broker.example"_s);
        typeOver(child<QLineEdit>(w, "tlsAlpn"), u"mqtt"_s);
        static_cast<QDialog *>(w)->accept();
    });
    clickButton(child<QToolButton>(&tab, "tlsOptions"));
    QTRY_VERIFY2(answers.done(), qPrintable(answers.problems().join(u'\n')));
    const TlsSettings s = bar->endpoint().tls;
    QVERIFY(s.enabled); // the bar's switch still decides
    QCOMPARE(s.serverName, u"broker.example"_s);
    QCOMPARE(s.alpn, QStringList{u"mqtt"_s});

    // Cancel keeps what was there.
    answers.expect(u"TLS options, cancelled"_s, isTlsDialog(), [](QWidget *w) {
        typeOver(child<QLineEdit>(w, "tlsServerName"), u"other"_s);
        static_cast<QDialog *>(w)->reject();
    });
    clickButton(child<QToolButton>(&tab, "tlsOptions"));
    QTRY_VERIFY2(answers.done(), qPrintable(answers.problems().join(u'\n')));
    QCOMPARE(bar->endpoint().tls.serverName, u"broker.example"_s);
    QVERIFY(answers.problems().isEmpty());
}

void tst_TlsTab::relaySidesInTheDialog()
{
    SessionTab tab(Session::Mode::Relay);
    tab.show();
    QVERIFY(!tab.findChild<QCheckBox *>(u"tlsEnabled"_s)); // both switches are in the dialog
    auto *button = child<QToolButton>(&tab, "tlsOptions");
    QVERIFY(!button->isChecked());
    QVERIFY(button->toolTip().contains(u"off on both sides"_s));
    ModalAnswers answers;
    answers.expect(u"TLS options"_s, isTlsDialog(), [](QWidget *w) {
        child<QCheckBox>(w, "tlsUpstreamSide")->setChecked(true);
        static_cast<QDialog *>(w)->accept();
    });
    clickButton(button);
    QTRY_VERIFY2(answers.done(), qPrintable(answers.problems().join(u'\n')));
    auto *bar = child<ConnectionBar>(&tab, "connectionBar");
    QVERIFY(bar->endpoint().tls.upstream);
    QVERIFY(!bar->endpoint().tls.enabled);
    QVERIFY(button->isChecked());
    QVERIFY2(button->toolTip().contains(u"Plain towards clients; TLS towards the upstream"_s),
             qPrintable(button->toolTip()));
    // A UDP relay has no TLS: the button is off and the endpoint says so.
    auto *transport = child<QComboBox>(&tab, "relayTransport");
    transport->setCurrentIndex(transport->findData(true));
    QVERIFY(!button->isEnabled());
    QVERIFY(!tab.findChild<ConnectionBar *>()->endpoint().tls.any());
}

void tst_TlsTab::startRefusedWithFileProblem()
{
    QTemporaryDir dir;
    SessionTab tab(Session::Mode::TcpServer);
    auto *bar = child<ConnectionBar>(&tab, "connectionBar");
    SessionEndpoint e = bar->endpoint();
    e.localAddress = QHostAddress::LocalHost;
    e.localPort = 0;
    e.tls.enabled = true;
    e.tls.certFile = dir.filePath(u"missing-cert.pem"_s);
    e.tls.keyFile = dir.filePath(u"missing-key.pem"_s);
    bar->setEndpoint(e);
    clickButton(child<QPushButton>(&tab, "startButton"));
    const QString said = child<QLabel>(&tab, "stateLabel")->text();
    QVERIFY2(said.contains(u"missing-cert.pem does not exist"_s), qPrintable(said));
    QCOMPARE(tab.session()->state(), Session::State::Idle);
    // Without TLS the same tab starts.
    child<QCheckBox>(&tab, "tlsEnabled")->setChecked(false);
    clickButton(child<QPushButton>(&tab, "startButton"));
    QTRY_VERIFY(tab.session()->state() == Session::State::Active);
}

void tst_TlsTab::passphraseAskedNeverKept()
{
    QTemporaryDir dir;
    const ThrowawayCertificate made = ThrowawayCertificate::generate();
    const QString cert = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    QVERIFY(writeFile(cert, made.certificatePem()));
    QVERIFY(writeFile(key, made.privateKey().toPem("open sesame")));
    QSettings settings(dir.filePath(u"tab.ini"_s), QSettings::IniFormat);
    SessionTab tab(Session::Mode::TcpServer);
    tab.show();
    auto *bar = child<ConnectionBar>(&tab, "connectionBar");
    SessionEndpoint e = bar->endpoint();
    e.localAddress = QHostAddress::LocalHost;
    e.localPort = 0;
    e.tls.enabled = true;
    e.tls.certFile = cert;
    e.tls.keyFile = key;
    bar->setEndpoint(e);
    ModalAnswers answers;
    QString asked;
    answers.expect(u"passphrase"_s, isInputDialog(), [&asked](QWidget *w) {
        auto *input = static_cast<QInputDialog *>(w);
        asked = input->labelText();
        QCOMPARE(input->textEchoMode(), QLineEdit::Password);
        input->setTextValue(u"open sesame"_s);
        input->accept();
    });
    clickButton(child<QPushButton>(&tab, "startButton"));
    QTRY_VERIFY2(answers.done(), qPrintable(answers.problems().join(u'\n')));
    QVERIFY2(asked.contains(QDir::toNativeSeparators(key)), qPrintable(asked));
    // The core loaded the encrypted key with it: the server shows our certificate.
    QTRY_COMPARE(tab.session()->state(), Session::State::Active);
    QCOMPARE(tab.session()->tlsCertificate(), made.certificate());
    // Handed to the session, then forgotten by the window and never saved.
    QVERIFY(bar->endpoint().tls.keyPassphrase.isEmpty());
    tab.saveState(settings);
    settings.sync();
    QFile ini(settings.fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("open sesame"));
}

void tst_TlsTab::passphraseCancelStartsNothing()
{
    QTemporaryDir dir;
    const ThrowawayCertificate made = ThrowawayCertificate::generate();
    const QString key = dir.filePath(u"key.pem"_s);
    const QString cert = dir.filePath(u"cert.pem"_s);
    QVERIFY(writeFile(cert, made.certificatePem()));
    QVERIFY(writeFile(key, made.privateKey().toPem("x")));
    SessionTab tab(Session::Mode::TcpClient);
    tab.show();
    auto *bar = child<ConnectionBar>(&tab, "connectionBar");
    SessionEndpoint e = bar->endpoint();
    e.tls.enabled = true;
    e.tls.clientCertFile = cert;
    e.tls.clientKeyFile = key;
    bar->setEndpoint(e);
    ModalAnswers answers;
    answers.expect(u"passphrase"_s, isInputDialog(),
                   [](QWidget *w) { static_cast<QDialog *>(w)->reject(); });
    clickButton(child<QPushButton>(&tab, "startButton"));
    QTRY_VERIFY2(answers.done(), qPrintable(answers.problems().join(u'\n')));
    QCOMPARE(tab.session()->state(), Session::State::Idle);
}

void tst_TlsTab::settingsSurviveRestart()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"tab.ini"_s), QSettings::IniFormat);
    TlsSettings s;
    s.enabled = true;
    s.upstream = true;
    s.certFile = u"/etc/x/cert.pem"_s;
    s.keyFile = u"/etc/x/key.pem"_s;
    s.caFile = u"/etc/x/ca.pem"_s;
    s.serverName = u"upstream.example"_s;
    s.alpn = {u"h2"_s, u"http/1.1"_s};
    s.clientCertFile = u"/etc/x/me.pem"_s;
    s.clientKeyFile = u"/etc/x/me-key.pem"_s;
    s.clientCertificates = TlsSettings::ClientCertificates::Optional;
    {
        SessionTab tab(Session::Mode::Relay);
        auto *bar = child<ConnectionBar>(&tab, "connectionBar");
        SessionEndpoint e = bar->endpoint();
        e.tls = s;
        bar->setEndpoint(e);
        settings.beginGroup(u"t"_s);
        tab.saveState(settings);
        settings.endGroup();
    }
    SessionTab again(Session::Mode::Relay);
    settings.beginGroup(u"t"_s);
    again.restoreState(settings);
    settings.endGroup();
    const TlsSettings back = child<ConnectionBar>(&again, "connectionBar")->endpoint().tls;
    QCOMPARE(back.enabled, s.enabled);
    QCOMPARE(back.upstream, s.upstream);
    QCOMPARE(back.certFile, s.certFile);
    QCOMPARE(back.keyFile, s.keyFile);
    QCOMPARE(back.caFile, s.caFile);
    QCOMPARE(back.serverName, s.serverName);
    QCOMPARE(back.alpn, s.alpn);
    QCOMPARE(back.clientCertFile, s.clientCertFile);
    QCOMPARE(back.clientKeyFile, s.clientKeyFile);
    QCOMPARE(back.clientCertificates, s.clientCertificates);
    QVERIFY(child<QToolButton>(&again, "tlsOptions")->isChecked());
    QVERIFY(child<QToolButton>(&again, "tlsOptions")->toolTip().contains(u"both sides"_s));
}

// The whole window closed and opened again on the same settings file, the way a user sets
// TLS up: the switch, then TLS… (verification off for this run, which is not remembered).
void tst_TlsTab::windowRestartKeepsTls()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(u"sockscope.ini"_s);
    const QString ca = dir.filePath(u"ca.pem"_s);
    QVERIFY(writeFile(ca, ThrowawayCertificate::generate().certificatePem()));
    auto clientTab = [](MainWindow &w) {
        return qobject_cast<SessionTab *>(w.sessionTabs()->widget(1));
    };
    {
        AppSettings settings(ini);
        MainWindow window(&settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.sessionTabs()->setCurrentIndex(1);
        SessionTab *client = clientTab(window);
        QVERIFY(client && client->mode() == Session::Mode::TcpClient);
        clickButton(child<QCheckBox>(client, "tlsEnabled"));
        ModalAnswers answers;
        answers.expect(u"TLS options"_s, isTlsDialog(), [ca](QWidget *w) {
            typeOver(child<QLineEdit>(w, "tlsCaFile"), ca);
            typeOver(child<QLineEdit>(w, "tlsServerName"), u"device.local"_s);
            typeOver(child<QLineEdit>(w, "tlsAlpn"), u"mqtt, h2"_s);
            child<QCheckBox>(w, "tlsVerify")->setChecked(false);
            static_cast<QDialog *>(w)->accept();
        });
        clickButton(child<QToolButton>(client, "tlsOptions"));
        QTRY_VERIFY2(answers.done(), qPrintable(answers.problems().join(u'\n')));
        QVERIFY(child<ConnectionBar>(client, "connectionBar")->endpoint().tls.enabled);
        QVERIFY(child<ConnectionBar>(client, "connectionBar")->endpoint().tls.insecure);
        QVERIFY(window.close());
    }
    AppSettings settings(ini);
    MainWindow window(&settings);
    SessionTab *client = clientTab(window);
    const TlsSettings back = child<ConnectionBar>(client, "connectionBar")->endpoint().tls;
    QVERIFY(back.enabled);
    QCOMPARE(back.caFile, ca);
    QCOMPARE(back.serverName, u"device.local"_s);
    QCOMPARE(back.alpn, (QStringList{u"mqtt"_s, u"h2"_s}));
    QVERIFY(!back.insecure); // verification is on again after a restart
    QVERIFY(child<QCheckBox>(client, "tlsEnabled")->isChecked());
    // The dialog shows them again.
    window.show();
    window.sessionTabs()->setCurrentIndex(1);
    ModalAnswers answers;
    answers.expect(u"TLS options again"_s, isTlsDialog(), [ca](QWidget *w) {
        QCOMPARE(child<QLineEdit>(w, "tlsCaFile")->text(), ca);
        QVERIFY(child<QCheckBox>(w, "tlsVerify")->isChecked());
        static_cast<QDialog *>(w)->reject();
    });
    clickButton(child<QToolButton>(client, "tlsOptions"));
    QTRY_VERIFY2(answers.done(), qPrintable(answers.problems().join(u'\n')));
    QVERIFY(answers.problems().isEmpty());
}

// The signal as the core emits it, on the tab's real session; then the user's two answers.
void tst_TlsTab::verificationBar()
{
    QTcpServer server; // something to connect to when "Connect anyway" starts again
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::TcpClient);
    tab.show();
    auto *bar = child<ConnectionBar>(&tab, "connectionBar");
    SessionEndpoint e = bar->endpoint();
    e.remoteHost = u"127.0.0.1"_s;
    e.remotePort = server.serverPort();
    e.tls.enabled = true;
    bar->setEndpoint(e);
    auto *message = child<TlsVerificationBar>(&tab, "tlsVerificationBar");
    QVERIFY(message->isHidden());

    const ThrowawayCertificate theirs = ThrowawayCertificate::generate();
    TlsSessionInfo refused;
    refused.peerChain = {theirs.certificate()};
    refused.verifyErrors = {u"The certificate of CN=localhost is self-signed and not trusted."_s,
                            u"The certificate is not for \"127.0.0.1\"."_s};
    emit tab.session()->tlsVerificationFailed(refused);
    QVERIFY(!message->isHidden());
    for (const QString &reason : refused.verifyErrors)
        QVERIFY2(message->text().contains(reason), qPrintable(message->text()));

    clickButton(child<QPushButton>(&tab, "tlsShowRefused"));
    CertificateDialog *dialog = tab.certificateDialog();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(dialog->panel()->plainText().contains(theirs.sha256Fingerprint()));
    QVERIFY(dialog->panel()->plainText().contains(refused.verifyErrors.first()));

    clickButton(child<QPushButton>(&tab, "tlsConnectAnyway"));
    QVERIFY(message->isHidden());
    QTRY_VERIFY(isRunning(tab.session()));
    QVERIFY(!bar->endpoint().tls.insecure); // only that start accepted the errors
}

void tst_TlsTab::certificatesButtonFollowsTls()
{
    SessionTab tab(Session::Mode::TcpServer);
    tab.show();
    auto *certificates = child<QToolButton>(&tab, "showCertificates");
    QVERIFY(certificates->isHidden());
    clickButton(child<QCheckBox>(&tab, "tlsEnabled"));
    QVERIFY(!certificates->isHidden());
    clickButton(certificates);
    QVERIFY(tab.certificateDialog() && tab.certificateDialog()->isVisible());
    QVERIFY(tab.certificateDialog()->panel()->plainText().contains(
        u"This session shows no certificate of its own."_s));
}

// A SockScope TLS server with a throwaway certificate, started in its tab.
quint16 startTlsServer(SessionTab &server, const TlsSettings &tls)
{
    auto *bar = child<ConnectionBar>(&server, "connectionBar");
    SessionEndpoint e = bar->endpoint();
    e.localAddress = QHostAddress::LocalHost;
    e.localPort = 0;
    e.tls = tls;
    bar->setEndpoint(e);
    clickButton(child<QPushButton>(&server, "startButton"));
    return waitForBoundPort(server.session());
}

void connectClient(SessionTab &client, quint16 port, const TlsSettings &tls)
{
    auto *bar = child<ConnectionBar>(&client, "connectionBar");
    SessionEndpoint e = bar->endpoint();
    e.remoteHost = u"127.0.0.1"_s;
    e.remotePort = port;
    e.tls = tls;
    bar->setEndpoint(e);
    clickButton(child<QPushButton>(&client, "startButton"));
}

// The whole path with the real core: the client refuses a self-signed server, the bar says
// why, shows the refused certificate, and "Connect anyway this time" connects once; the
// server's peer row then says TLS.
void tst_TlsTab::realServerRefusedThenAccepted()
{
    SessionTab server(Session::Mode::TcpServer);
    server.resize(900, 600);
    server.show();
    TlsSettings serverTls;
    serverTls.enabled = true;
    serverTls.generateCertificate = true;
    const quint16 port = startTlsServer(server, serverTls);
    QVERIFY(port);
    const QSslCertificate shown = server.session()->tlsCertificate();
    QVERIFY(!shown.isNull());

    SessionTab client(Session::Mode::TcpClient);
    client.show();
    TlsSettings clientTls;
    clientTls.enabled = true;
    connectClient(client, port, clientTls);
    auto *message = child<TlsVerificationBar>(&client, "tlsVerificationBar");
    QTRY_VERIFY(!message->isHidden());
    QTRY_COMPARE(client.session()->state(), Session::State::Failed);
    QVERIFY2(message->text().contains(u"self-signed"_s, Qt::CaseInsensitive),
             qPrintable(message->text()));
    client.resize(900, 600);
    QVERIFY(saveScreenshot(client, u"tls-refused-900"_s));

    clickButton(child<QPushButton>(&client, "tlsShowRefused"));
    QVERIFY(client.certificateDialog()->panel()->plainText().contains(sha256Fingerprint(shown)));

    clickButton(child<QPushButton>(&client, "tlsConnectAnyway"));
    QTRY_COMPARE(client.session()->state(), Session::State::Active);
    QVERIFY(message->isHidden());
    QVERIFY(!child<ConnectionBar>(&client, "connectionBar")->endpoint().tls.insecure);

    // The server's peer row: its TLS version, the column shown.
    auto *peers = child<QTreeView>(&server, "peerList");
    QTRY_VERIFY(
        peers->model()->rowCount() == 1 &&
        peers->model()->index(0, PeerListModel::Tls).data().toString().startsWith(u"TLSv1."_s));
    // At 900 px: a padlock in the state, the details in its tooltip. (Whether the counters
    // stay in view there is not asked here: a plain server tab of 900 px with one peer already
    // scrolls by a pixel; reported.)
    QVERIFY(!peers->model()
                 ->index(0, PeerListModel::State)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QVERIFY(peers->model()
                ->index(0, PeerListModel::State)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"TLSv1."_s));
    QVERIFY(saveScreenshot(server, u"tls-server-900"_s));
    // Given room (a wider window, the splitter dragged), the TLS column shows, still without
    // scrolling.
    server.resize(1280, 800);
    child<QSplitter>(&server, "peerSplitter")->setSizes({460, 820});
    QTRY_VERIFY(!peers->isColumnHidden(PeerListModel::Tls));
    QTRY_VERIFY(!peers->horizontalScrollBar()->isVisible());
    QVERIFY(peers->model()
                ->index(0, PeerListModel::Tls)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"cipher"_s));

    // The client's certificate window: the server's certificate, the errors it accepted.
    clickButton(child<QToolButton>(&client, "showCertificates"));
    const QString text = client.certificateDialog()->panel()->plainText();
    QVERIFY2(text.contains(sha256Fingerprint(shown)), qPrintable(text));
    QVERIFY2(text.contains(u"Verification errors accepted"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Protocol: TLSv1."_s), qPrintable(text));

    // A new start verifies again: refused again.
    clickButton(child<QPushButton>(&client, "startButton")); // disconnect
    QTRY_VERIFY(!isRunning(client.session()));
    clickButton(child<QPushButton>(&client, "startButton"));
    QTRY_VERIFY(!message->isHidden());
}

// The certificate window of a client that trusts the server's (saved) throwaway certificate:
// a real handshake, no errors; the README's screenshot.
void tst_TlsTab::trustedServerCertificatePanel()
{
    QTemporaryDir dir;
    const ThrowawayCertificate made = ThrowawayCertificate::generate();
    const QString cert = dir.filePath(u"localhost-cert.pem"_s);
    const QString key = dir.filePath(u"localhost-key.pem"_s);
    QVERIFY(writeFile(cert, made.certificatePem()));
    QVERIFY(writeFile(key, made.privateKeyPem()));
    SessionTab server(Session::Mode::TcpServer);
    TlsSettings serverTls;
    serverTls.enabled = true;
    serverTls.certFile = cert;
    serverTls.keyFile = key;
    serverTls.alpn = {u"mqtt"_s};
    const quint16 port = startTlsServer(server, serverTls);
    QVERIFY(port);

    SessionTab client(Session::Mode::TcpClient);
    client.resize(900, 600);
    client.show();
    TlsSettings clientTls;
    clientTls.enabled = true;
    clientTls.caFile = cert;
    clientTls.serverName = u"localhost"_s;
    clientTls.alpn = {u"mqtt"_s};
    connectClient(client, port, clientTls);
    QTRY_COMPARE(client.session()->state(), Session::State::Active);
    QVERIFY(child<TlsVerificationBar>(&client, "tlsVerificationBar")->isHidden());
    clickButton(child<QToolButton>(&client, "showCertificates"));
    CertificateDialog *dialog = client.certificateDialog();
    QTRY_VERIFY(dialog->panel()->plainText().contains(made.sha256Fingerprint()));
    const QString text = dialog->panel()->plainText();
    QVERIFY2(text.contains(u"ALPN: mqtt"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"Verification errors accepted"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Verification: no errors"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Server 127.0.0.1:%1"_s.arg(port)), qPrintable(text));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(saveScreenshot(*dialog, u"tls-certificate"_s));
}

// A relay originating TLS towards a self-signed server: the first client's upstream side is
// refused (the bar says why), "Connect anyway this time" restarts the relay accepting it, and
// the next client's pair is plain towards the client, TLS towards the server.
void tst_TlsTab::relayUpstreamRefusedThenAccepted()
{
    SessionTab server(Session::Mode::TcpServer);
    TlsSettings serverTls;
    serverTls.enabled = true;
    serverTls.generateCertificate = true;
    const quint16 serverPort = startTlsServer(server, serverTls);
    QVERIFY(serverPort);

    SessionTab relay(Session::Mode::Relay);
    relay.resize(900, 600);
    relay.show();
    auto *bar = child<ConnectionBar>(&relay, "connectionBar");
    SessionEndpoint e = bar->endpoint();
    e.localAddress = QHostAddress::LocalHost;
    e.localPort = 0;
    e.remoteHost = u"127.0.0.1"_s;
    e.remotePort = serverPort;
    e.tls.upstream = true;
    bar->setEndpoint(e);
    clickButton(child<QPushButton>(&relay, "startButton"));
    const quint16 first = waitForBoundPort(relay.session());
    QVERIFY(first);
    QTcpSocket device;
    device.connectToHost(QHostAddress::LocalHost, first);
    auto *message = child<TlsVerificationBar>(&relay, "tlsVerificationBar");
    QTRY_VERIFY(!message->isHidden());
    QVERIFY2(message->text().contains(u"self-signed"_s, Qt::CaseInsensitive),
             qPrintable(message->text()));
    QTRY_COMPARE(device.state(), QAbstractSocket::UnconnectedState); // its pair was closed

    clickButton(child<QPushButton>(&relay, "tlsConnectAnyway"));
    QTRY_COMPARE(relay.session()->state(), Session::State::Active);
    const quint16 again = waitForBoundPort(relay.session());
    QVERIFY(again);
    QVERIFY(!bar->endpoint().tls.insecure);
    QTcpSocket device2;
    device2.connectToHost(QHostAddress::LocalHost, again);
    QVERIFY(device2.waitForConnected(5000));
    device2.write("hello over TLS");
    QTRY_COMPARE(server.session()->rxBytesTotal(), qint64(14));
    auto *peers = child<QTreeView>(&relay, "peerList");
    // The last row: the refused pair stays listed, closed, above it.
    QTRY_COMPARE(peers->model()
                     ->index(peers->model()->rowCount() - 1, PeerListModel::Tls)
                     .data()
                     .toString()
                     .left(12),
                 u"plain ↔ TLSv"_s);
    // At 900 px the list has no room for the column: the padlock and the tooltip say it.
    const QModelIndex endpoint =
        peers->model()->index(peers->model()->rowCount() - 1, PeerListModel::State);
    QVERIFY(!endpoint.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(endpoint.data(Qt::ToolTipRole).toString().contains(u"TLSv1."_s));
    QVERIFY(peers->isColumnHidden(PeerListModel::Tls));
    QVERIFY(saveScreenshot(relay, u"tls-relay-900"_s));
    // Given room (a wider window, the splitter dragged), the column shows.
    auto *split = child<QSplitter>(&relay, "peerSplitter");
    relay.resize(1280, 800);
    split->setSizes({460, 820});
    QTRY_VERIFY(!peers->isColumnHidden(PeerListModel::Tls));
    QTRY_VERIFY(!peers->horizontalScrollBar()->isVisible());
}

void tst_TlsTab::fitsSmallScreen_data()
{
    QTest::addColumn<Session::Mode>("mode");
    QTest::newRow("server") << Session::Mode::TcpServer;
    QTest::newRow("client") << Session::Mode::TcpClient;
    QTest::newRow("relay") << Session::Mode::Relay;
}

// At 900×600 the bar's TLS controls are whole, and the TLS dialog fits the screen.
void tst_TlsTab::fitsSmallScreen()
{
    QFETCH(Session::Mode, mode);
    SessionTab tab(mode);
    auto *bar = child<ConnectionBar>(&tab, "connectionBar");
    SessionEndpoint e = bar->endpoint();
    e.tls.enabled = e.tls.upstream = true;
    e.tls.upstream = mode == Session::Mode::Relay;
    bar->setEndpoint(e);
    tab.resize(900, 600);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QTest::qWait(20);
    for (const char *name : {"tlsOptions", "startButton", "optionsToggle", "showCertificates"}) {
        auto *w = child<QWidget>(&tab, name);
        QVERIFY2(w->isVisible(), name);
        QVERIFY2(w->width() + 1 >= w->minimumSizeHint().width(), name);
        QVERIFY2(w->geometry().right() <= bar->width(), name);
    }
    QVERIFY(saveScreenshot(tab, u"tls-tab-%1"_s.arg(int(mode))));

    TlsDialog dialog(mode);
    dialog.setSettings(e.tls);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(dialog.sizeHint().height() <= 600 - 40,
             qPrintable(u"the dialog needs %1 px"_s.arg(dialog.sizeHint().height())));
    QVERIFY2(dialog.sizeHint().width() <= 900,
             qPrintable(u"the dialog needs %1 px"_s.arg(dialog.sizeHint().width())));
    QVERIFY(saveScreenshot(dialog, u"tls-dialog-%1"_s.arg(int(mode))));
}

QTEST_MAIN(tst_TlsTab)
#include "tst_tlstab.moc"
