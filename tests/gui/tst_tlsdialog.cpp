// The TLS options dialog: its fields and TlsSettings both ways for each role, the problems it
// names under each file field as they are typed, the throwaway certificate (its fingerprint
// shown, its key written 0600) and saving the generated pair.
#include "ui/tlsdialog.h"
#include "ui/tlsfilecheck.h"

#include "core/tls/certificatefingerprint.h"
#include "core/tls/throwawaycertificate.h"

#include "guiactions.h"
#include "modalanswers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(sockscope::Session::Mode)

namespace {

QFile::Permissions ownerOnly()
{
    return QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString note(QWidget *dialog, const char *name)
{
    auto *label = child<QLabel>(dialog, name);
    return label->isHidden() ? QString() : label->text();
}

} // namespace

class tst_TlsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void sectionsFollowTheRole_data();
    void sectionsFollowTheRole();
    void settingsRoundTrip_data();
    void settingsRoundTrip();
    void typedFieldsBecomeSettings();
    void verifyOffWarns();
    void fileProblemsInWords_data();
    void fileProblemsInWords();
    void unreadableFileNamed();
    void wholeProblems();
    void throwawayShowsItsFingerprint();
    void generatedPairSaved();
    void encryptedKeyRecognised();
};

void tst_TlsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // throwaway files under ~/.qttest
}

void tst_TlsDialog::cleanup()
{
    QDir(TlsDialog::throwawayFolder()).removeRecursively();
}

void tst_TlsDialog::sectionsFollowTheRole_data()
{
    QTest::addColumn<Session::Mode>("mode");
    QTest::addColumn<bool>("server");
    QTest::addColumn<bool>("client");
    QTest::newRow("server") << Session::Mode::TcpServer << true << false;
    QTest::newRow("client") << Session::Mode::TcpClient << false << true;
    QTest::newRow("relay") << Session::Mode::Relay << true << true;
}

void tst_TlsDialog::sectionsFollowTheRole()
{
    QFETCH(Session::Mode, mode);
    QFETCH(bool, server);
    QFETCH(bool, client);
    TlsDialog dialog(mode);
    QCOMPARE(dialog.findChild<QGroupBox *>(u"tlsServerSection"_s) != nullptr, server);
    QCOMPARE(dialog.findChild<QGroupBox *>(u"tlsClientSection"_s) != nullptr, client);
    const bool relay = mode == Session::Mode::Relay;
    QCOMPARE(dialog.findChild<QCheckBox *>(u"tlsListenSide"_s) != nullptr, relay);
    QCOMPARE(dialog.findChild<QCheckBox *>(u"tlsUpstreamSide"_s) != nullptr, relay);
    // One CA field and one ALPN field in every role (a relay shares them, see TlsSettings).
    QCOMPARE(dialog.findChildren<QLineEdit *>(u"tlsCaFile"_s).size(), 1);
    QCOMPARE(dialog.findChildren<QLineEdit *>(u"tlsAlpn"_s).size(), 1);
    // Verification is on unless told otherwise.
    if (client)
        QVERIFY(child<QCheckBox>(&dialog, "tlsVerify")->isChecked());
    QVERIFY(!dialog.settings().insecure);
}

void tst_TlsDialog::settingsRoundTrip_data()
{
    sectionsFollowTheRole_data();
}

void tst_TlsDialog::settingsRoundTrip()
{
    QFETCH(Session::Mode, mode);
    QFETCH(bool, server);
    QFETCH(bool, client);
    TlsSettings s;
    s.enabled = true;
    s.upstream = mode == Session::Mode::Relay;
    s.caFile = u"/x/ca.pem"_s;
    s.alpn = {u"h2"_s, u"http/1.1"_s};
    s.keyPassphrase = "kept as given";
    if (server) {
        s.certFile = u"/x/cert.pem"_s;
        s.keyFile = u"/x/key.pem"_s;
        s.clientCertificates = TlsSettings::ClientCertificates::Required;
    }
    if (client) {
        s.insecure = true;
        s.serverName = u"device.example"_s;
        s.clientCertFile = u"/x/me.pem"_s;
        s.clientKeyFile = u"/x/me-key.pem"_s;
    }
    TlsDialog dialog(mode);
    dialog.setSettings(s, u"10.0.0.1"_s);
    const TlsSettings back = dialog.settings();
    QCOMPARE(back.enabled, s.enabled);
    QCOMPARE(back.upstream, s.upstream);
    QCOMPARE(back.certFile, s.certFile);
    QCOMPARE(back.keyFile, s.keyFile);
    QCOMPARE(back.generateCertificate, s.generateCertificate);
    QCOMPARE(back.caFile, s.caFile);
    QCOMPARE(back.alpn, s.alpn);
    QCOMPARE(back.insecure, s.insecure);
    QCOMPARE(back.serverName, s.serverName);
    QCOMPARE(back.clientCertFile, s.clientCertFile);
    QCOMPARE(back.clientKeyFile, s.clientKeyFile);
    QCOMPARE(back.clientCertificates, s.clientCertificates);
    QCOMPARE(back.keyPassphrase, s.keyPassphrase);
    if (client) // the SNI placeholder is the host connected to
        QCOMPARE(child<QLineEdit>(&dialog, "tlsServerName")->placeholderText(), u"10.0.0.1"_s);
    if (mode == Session::Mode::Relay) { // the relay's switches live here
        child<QCheckBox>(&dialog, "tlsListenSide")->setChecked(false);
        QVERIFY(!dialog.settings().enabled);
        QVERIFY(dialog.settings().upstream);
    }
}

void tst_TlsDialog::typedFieldsBecomeSettings()
{
    TlsDialog dialog(Session::Mode::TcpClient);
    typeOver(child<QLineEdit>(&dialog, "tlsServerName"), u" mqtt.example.com "_s);
    typeOver(child<QLineEdit>(&dialog, "tlsAlpn"), u" mqtt , h2,, ,x-custom"_s);
    typeOver(child<QLineEdit>(&dialog, "tlsCaFile"), u"/nowhere/ca.pem"_s);
    const TlsSettings s = dialog.settings();
    QCOMPARE(s.serverName, u"mqtt.example.com"_s);
    QCOMPARE(s.alpn, (QStringList{u"mqtt"_s, u"h2"_s, u"x-custom"_s}));
    QCOMPARE(s.caFile, u"/nowhere/ca.pem"_s);
}

void tst_TlsDialog::verifyOffWarns()
{
    TlsDialog dialog(Session::Mode::TcpClient);
    auto *warning = child<QLabel>(&dialog, "tlsInsecureWarning");
    QVERIFY(warning->isHidden());
    QTest::mouseClick(child<QCheckBox>(&dialog, "tlsVerify"), Qt::LeftButton);
    QVERIFY(dialog.settings().insecure);
    QVERIFY(!warning->isHidden());
    QVERIFY2(warning->text().contains(u"pretend to be"_s), qPrintable(warning->text()));
    QTest::mouseClick(child<QCheckBox>(&dialog, "tlsVerify"), Qt::LeftButton);
    QVERIFY(!dialog.settings().insecure);
    QVERIFY(warning->isHidden());
}

void tst_TlsDialog::fileProblemsInWords_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("file"); // relative to a temporary folder; "" for the folder
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("words");
    QTest::newRow("missing certificate")
        << u"tlsCertFile"_s << u"gone.pem"_s << QByteArray() << u"does not exist"_s;
    QTest::newRow("a folder") << u"tlsCertFile"_s << QString() << QByteArray()
                              << u"is a folder, not a file"_s;
    QTest::newRow("not PEM") << u"tlsCertFile"_s << u"text.pem"_s << QByteArray("hello\n")
                             << u"holds no PEM certificate"_s;
    QTest::newRow("certificate as key")
        << u"tlsKeyFile"_s << u"cert.pem"_s << QByteArray() << u"holds no PEM private key"_s;
    QTest::newRow("a FIFO as certificate")
        << u"tlsCertFile"_s << u"fifo"_s << QByteArray() << u"is not a regular file"_s;
    QTest::newRow("a FIFO") << u"tlsCaFile"_s << u"fifo"_s << QByteArray()
                            << u"is not a regular file"_s;
    QTest::newRow("missing CA") << u"tlsCaFile"_s << u"ca.pem"_s << QByteArray()
                                << u"does not exist"_s;
}

void tst_TlsDialog::fileProblemsInWords()
{
    QFETCH(QString, field);
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, words);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = file.isEmpty() ? dir.path() : dir.filePath(file);
    if (!content.isEmpty())
        QVERIFY(writeFile(path, content));
    if (file == u"fifo"_s) // reading it would block: it must be refused unread
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    if (file == u"cert.pem"_s) // a real certificate where a key belongs
        QVERIFY(writeFile(path, ThrowawayCertificate::generate().certificatePem()));
    TlsDialog dialog(Session::Mode::TcpServer);
    auto *edit = child<QLineEdit>(&dialog, field.toLatin1().constData());
    typeOver(edit, path);
    const QString shown = note(&dialog, (field + u"Note"_s).toLatin1().constData());
    QVERIFY2(shown.contains(words), qPrintable(shown));
    QVERIFY2(shown.contains(QDir::toNativeSeparators(path)), qPrintable(shown)); // named
    // Emptied again: no note.
    typeOver(edit, QString());
    QVERIFY(note(&dialog, (field + u"Note"_s).toLatin1().constData()).isEmpty());
}

void tst_TlsDialog::unreadableFileNamed()
{
    if (::geteuid() == 0)
        QSKIP("running as root: every file is readable, so none can be made unreadable");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"locked.pem"_s);
    QVERIFY(writeFile(path, ThrowawayCertificate::generate().certificatePem()));
    QVERIFY(QFile::setPermissions(path, QFile::WriteOwner));
    const QString problem = TlsFileCheck::problem(path, TlsFileCheck::Kind::Certificate);
    QVERIFY2(problem.contains(u"cannot be read"_s) && problem.contains(path), qPrintable(problem));
}

void tst_TlsDialog::wholeProblems()
{
    TlsDialog server(Session::Mode::TcpServer);
    QVERIFY2(server.problem().contains(u"certificate and its key"_s), qPrintable(server.problem()));
    child<QCheckBox>(&server, "tlsGenerateEachStart")->setChecked(true);
    QCOMPARE(server.problem(), QString()); // a certificate is made at each start
    QVERIFY(server.settings().generateCertificate);
    QVERIFY(!child<QLineEdit>(&server, "tlsCertFile")->isEnabled());

    QTemporaryDir dir;
    const QString cert = dir.filePath(u"me.pem"_s);
    QVERIFY(writeFile(cert, ThrowawayCertificate::generate().certificatePem()));
    TlsDialog client(Session::Mode::TcpClient);
    QCOMPARE(client.problem(), QString());
    typeOver(child<QLineEdit>(&client, "tlsClientCertFile"), cert);
    QVERIFY2(client.problem().contains(u"needs its key"_s), qPrintable(client.problem()));
    // The chosen certificate is described under its field.
    QVERIFY2(note(&client, "tlsClientCertFileNote").contains(u"CN=localhost"_s),
             qPrintable(note(&client, "tlsClientCertFileNote")));
}

void tst_TlsDialog::throwawayShowsItsFingerprint()
{
    TlsDialog dialog(Session::Mode::TcpServer);
    QVERIFY(!child<QPushButton>(&dialog, "tlsSaveKey")->isEnabled());
    clickButton(child<QPushButton>(&dialog, "tlsGenerate"));
    const TlsSettings s = dialog.settings();
    QVERIFY(!s.generateCertificate); // files: what is shown is what the server loads
    QVERIFY(QFile::exists(s.certFile));
    QVERIFY(QFile::exists(s.keyFile));
    QCOMPARE(QFile::permissions(s.keyFile) & ~ownerOnly(), QFile::Permissions());
    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(s.keyFile).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(s.certFile);
    QCOMPARE(certs.size(), 1);
    const QString fingerprint = sha256Fingerprint(certs.first());
    QVERIFY(!fingerprint.isEmpty());
    const QString shown = note(&dialog, "tlsGenerateNote");
    QVERIFY2(shown.contains(fingerprint), qPrintable(shown));
    QVERIFY(note(&dialog, "tlsCertFileNote").contains(fingerprint));
    QCOMPARE(dialog.problem(), QString());
    QCOMPARE(TlsFileCheck::settingsProblem(
                 [&] {
                     TlsSettings on = s;
                     on.enabled = true;
                     return on;
                 }(),
                 Session::Mode::TcpServer),
             QString());
    // Another one: other files, another fingerprint (two tabs never share a pair).
    clickButton(child<QPushButton>(&dialog, "tlsGenerate"));
    QVERIFY(dialog.settings().certFile != s.certFile);
    QVERIFY(!note(&dialog, "tlsGenerateNote").contains(fingerprint));
}

void tst_TlsDialog::generatedPairSaved()
{
    QTemporaryDir dir;
    TlsDialog dialog(Session::Mode::TcpServer);
    dialog.show();
    clickButton(child<QPushButton>(&dialog, "tlsGenerate"));
    const TlsSettings s = dialog.settings();
    const QString keyPath = dir.filePath(u"saved-key.pem"_s);
    const QString certPath = dir.filePath(u"saved-cert.pem"_s);
    // An existing file with wide permissions is narrowed before the key lands in it.
    QVERIFY(writeFile(keyPath, "old"));
    QVERIFY(QFile::setPermissions(keyPath, QFile::Permissions(0x6666)));
    ModalAnswers answers;
    answers.expect(u"save key"_s, dialogNamed(u"saveKeyDialog"_s), chooseFile(keyPath, u"pem"_s));
    answers.expect(
        u"overwrite?"_s, [](QWidget *w) { return qobject_cast<QMessageBox *>(w) != nullptr; },
        clickStandardButton(QMessageBox::Yes));
    clickButton(child<QPushButton>(&dialog, "tlsSaveKey"));
    QTRY_VERIFY2(answers.done(), qPrintable(answers.problems().join(u'\n')));
    answers.expect(u"save certificate"_s, dialogNamed(u"saveCertificateDialog"_s),
                   chooseFile(certPath, u"pem"_s));
    clickButton(child<QPushButton>(&dialog, "tlsSaveCertificate"));
    QTRY_VERIFY2(answers.done(), qPrintable(answers.problems().join(u'\n')));
    QVERIFY2(answers.problems().isEmpty(), qPrintable(answers.problems().join(u'\n')));

    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(keyPath).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    QFile key(keyPath), original(s.keyFile), cert(certPath), originalCert(s.certFile);
    QVERIFY(key.open(QIODevice::ReadOnly) && original.open(QIODevice::ReadOnly));
    QCOMPARE(key.readAll(), original.readAll());
    QVERIFY(cert.open(QIODevice::ReadOnly) && originalCert.open(QIODevice::ReadOnly));
    QCOMPARE(cert.readAll(), originalCert.readAll());
    QVERIFY(note(&dialog, "tlsGenerateNote").contains(u"readable by you only"_s) ||
            note(&dialog, "tlsGenerateNote").contains(u"Certificate saved"_s));
}

void tst_TlsDialog::encryptedKeyRecognised()
{
    QTemporaryDir dir;
    const ThrowawayCertificate made = ThrowawayCertificate::generate();
    const QString plain = dir.filePath(u"plain.pem"_s);
    const QString locked = dir.filePath(u"locked.pem"_s);
    QVERIFY(writeFile(plain, made.privateKeyPem()));
    QVERIFY(writeFile(locked, made.privateKey().toPem("secret")));
    QVERIFY(!TlsFileCheck::keyIsEncrypted(plain));
    QVERIFY(TlsFileCheck::keyIsEncrypted(locked));
    // Encrypted is still a key: no problem shown for it.
    QCOMPARE(TlsFileCheck::problem(locked, TlsFileCheck::Kind::Key), QString());
}

QTEST_MAIN(tst_TlsDialog)
#include "tst_tlsdialog.moc"
