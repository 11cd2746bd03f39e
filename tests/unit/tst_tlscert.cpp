// The throwaway certificate, its key file, what CertificateInfo reads and the words of
// TlsErrorText. The certificate is checked by `openssl` (a reader nobody here wrote).
#include "core/tls/certificateinfo.h"
#include "core/tls/hostnamecheck.h"
#include "core/tls/privatekeyfile.h"
#include "core/tls/throwawaycertificate.h"
#include "core/tls/tlserrortext.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace sockscope;
using Failure = TlsErrorText::HandshakeFailure;
Q_DECLARE_METATYPE(sockscope::TlsErrorText::HandshakeFailure)

namespace {

QString opensslBinary()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

// Runs openssl with args; its stdout + stderr, and the exit code in *code.
QString openssl(const QStringList &args, int *code = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(opensslBinary(), args);
    const bool done = process.waitForFinished(10000);
    if (code)
        *code = done && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAll());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

mode_t fileMode(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

// Certificates for the host name table, by kind.
QSslCertificate certificateOfKind(const QString &kind)
{
    ThrowawayCertificate::Options options;
    if (kind != QLatin1String("default")) {
        options.dnsNames.clear();
        options.addresses.clear();
    }
    if (kind == QLatin1String("wildcard")) {
        options.commonName = QStringLiteral("wild");
        options.dnsNames = {QStringLiteral("*.example.test")};
    } else if (kind == QLatin1String("cn only")) {
        options.commonName = QStringLiteral("device.lan");
    } else if (kind == QLatin1String("cn not a host name")) {
        options.commonName = QStringLiteral("My Device");
    } else if (kind == QLatin1String("cn beside a san")) {
        options.dnsNames = {QStringLiteral("other.example")};
    }
    return ThrowawayCertificate::generate(options).certificate();
}

QByteArray alertRecord(unsigned char description)
{
    // content type 21 (alert), TLS 1.2 record version, length 2, level fatal(2), description
    QByteArray bytes("\x15\x03\x03\x00\x02\x02", 6);
    bytes.append(char(description));
    return bytes;
}

} // namespace

class tst_TlsCert : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void generatedCertificateParts();
    void eachCertificateIsNew();
    void opensslReadsCertificate();
    void opensslVerifiesSelfSigned();
    void opensslAgreesOnFingerprintAndKey();
    void keyFileIsOwnerOnly_data();
    void keyFileIsOwnerOnly();
    void keyFileErrors();
    void infoOfThrowaway();
    void infoValidity_data();
    void infoValidity();
    void infoOfOpensslCertificate();
    void chainText();
    void certificateNamesHost_data();
    void certificateNamesHost();
    void looksLikeTls_data();
    void looksLikeTls();
    void classifyHandshake_data();
    void classifyHandshake();
    void handshakeTextsDiffer();
    void unknownIssuerWords();
    void sslErrorWords_data();
    void sslErrorWords();

private:
    ThrowawayCertificate m_cert;
    QTemporaryDir m_dir;
    QString m_certPath;
    QString m_keyPath;
};

void tst_TlsCert::initTestCase()
{
    QString error;
    m_cert = ThrowawayCertificate::generate(&error);
    QVERIFY2(!m_cert.isNull(), qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_certPath = m_dir.filePath(QStringLiteral("cert.pem"));
    m_keyPath = m_dir.filePath(QStringLiteral("key.pem"));
    QVERIFY(writeFile(m_certPath, m_cert.certificatePem()));
    QVERIFY2(writePrivateKeyFile(m_keyPath, m_cert.privateKeyPem(), &error), qPrintable(error));
}

void tst_TlsCert::generatedCertificateParts()
{
    QVERIFY(m_cert.certificatePem().startsWith("-----BEGIN CERTIFICATE-----\n"));
    QVERIFY(m_cert.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
    QCOMPARE(m_cert.privateKey().algorithm(), QSsl::Ec);
    QCOMPARE(m_cert.privateKey().type(), QSsl::PrivateKey);
    QCOMPARE(m_cert.privateKey().length(), 256);
    QCOMPARE(m_cert.certificate().publicKey().algorithm(), QSsl::Ec);
    QCOMPARE(m_cert.certificate().version(), QByteArray("3"));
    QVERIFY(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"))
                .match(m_cert.sha256Fingerprint())
                .hasMatch());
    // now - 1 h … + 30 days
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 startAgo = m_cert.certificate().effectiveDate().secsTo(now);
    QVERIFY2(startAgo >= 3590 && startAgo <= 3700, QByteArray::number(startAgo));
    QCOMPARE(m_cert.certificate().effectiveDate().daysTo(m_cert.certificate().expiryDate()), 30);
}

void tst_TlsCert::eachCertificateIsNew()
{
    const ThrowawayCertificate other = ThrowawayCertificate::generate();
    QVERIFY(!other.isNull());
    QVERIFY(other.sha256Fingerprint() != m_cert.sha256Fingerprint());
    QVERIFY(other.certificate().serialNumber() != m_cert.certificate().serialNumber());
    QVERIFY(other.privateKeyPem() != m_cert.privateKeyPem());
}

void tst_TlsCert::opensslReadsCertificate()
{
    if (opensslBinary().isEmpty())
        QSKIP("the openssl binary is missing (Debian package openssl)");
    int code = -1;
    const QString text = openssl({QStringLiteral("x509"), QStringLiteral("-in"), m_certPath,
                                  QStringLiteral("-noout"), QStringLiteral("-text")},
                                 &code);
    QCOMPARE(code, 0);
    const QStringList expected = {
        QStringLiteral("Version: 3 (0x2)"),
        QStringLiteral("Signature Algorithm: ecdsa-with-SHA256"),
        QStringLiteral("Subject: CN = localhost, O = SockScope throwaway certificate"),
        QStringLiteral("Issuer: CN = localhost, O = SockScope throwaway certificate"),
        QStringLiteral("Public Key Algorithm: id-ecPublicKey"),
        QStringLiteral("NIST CURVE: P-256"),
        QStringLiteral("DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1"),
        QStringLiteral("CA:FALSE"),
        QStringLiteral("Digital Signature"),
        QStringLiteral("TLS Web Server Authentication, TLS Web Client Authentication"),
    };
    for (const QString &line : expected)
        QVERIFY2(text.contains(line), qPrintable(line + QStringLiteral(" missing in:\n") + text));
}

void tst_TlsCert::opensslVerifiesSelfSigned()
{
    if (opensslBinary().isEmpty())
        QSKIP("the openssl binary is missing (Debian package openssl)");
    int code = -1;
    const QString text =
        openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), m_certPath,
                 QStringLiteral("-purpose"), QStringLiteral("sslserver"), m_certPath},
                &code);
    QCOMPARE(text.trimmed(), m_certPath + QStringLiteral(": OK"));
    QCOMPARE(code, 0);
}

void tst_TlsCert::opensslAgreesOnFingerprintAndKey()
{
    if (opensslBinary().isEmpty())
        QSKIP("the openssl binary is missing (Debian package openssl)");
    const QString fingerprint = openssl({QStringLiteral("x509"), QStringLiteral("-in"), m_certPath,
                                         QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                                         QStringLiteral("-sha256")});
    // "sha256 Fingerprint=AB:…" (OpenSSL 3.0) or "SHA256 Fingerprint=AB:…"
    QVERIFY2(fingerprint.startsWith(QStringLiteral("sha256 fingerprint="), Qt::CaseInsensitive),
             qPrintable(fingerprint));
    QCOMPARE(fingerprint.trimmed().section(QLatin1Char('='), 1), m_cert.sha256Fingerprint());
    // The key file holds the private half of the certificate's public key.
    int code = -1;
    const QString fromKey = openssl(
        {QStringLiteral("pkey"), QStringLiteral("-in"), m_keyPath, QStringLiteral("-pubout")},
        &code);
    QCOMPARE(code, 0);
    const QString fromCert = openssl({QStringLiteral("x509"), QStringLiteral("-in"), m_certPath,
                                      QStringLiteral("-noout"), QStringLiteral("-pubkey")});
    QVERIFY(fromKey.contains(QStringLiteral("BEGIN PUBLIC KEY")));
    QCOMPARE(fromKey, fromCert);
}

void tst_TlsCert::keyFileIsOwnerOnly_data()
{
    QTest::addColumn<bool>("exists");
    QTest::addColumn<int>("oldMode");
    QTest::newRow("new file") << false << 0;
    QTest::newRow("existing 0644, longer") << true << 0644;
    QTest::newRow("existing 0666") << true << 0666;
}

void tst_TlsCert::keyFileIsOwnerOnly()
{
    QFETCH(bool, exists);
    QFETCH(int, oldMode);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key.pem"));
    const QByteArray pem = m_cert.privateKeyPem();
    if (exists) {
        QVERIFY(writeFile(path, QByteArray(4096, 'x')));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(oldMode)), 0);
        QCOMPARE(fileMode(path), mode_t(oldMode));
    }
    QString error;
    QVERIFY2(writePrivateKeyFile(path, pem, &error), qPrintable(error));
    QCOMPARE(fileMode(path), mode_t(0600));
    QCOMPARE(readFile(path), pem); // truncated: nothing of the old content is left
}

void tst_TlsCert::keyFileErrors()
{
    QTemporaryDir dir;
    const QByteArray pem = m_cert.privateKeyPem();
    QString error;
    const QString missingDir = dir.filePath(QStringLiteral("no/such/dir/key.pem"));
    QVERIFY(!writePrivateKeyFile(missingDir, pem, &error));
    QVERIFY2(error.contains(missingDir), qPrintable(error));
    QVERIFY(!error.contains(QStringLiteral("PRIVATE KEY")));

    // A symlink at the path is refused rather than followed to somewhere else.
    const QString target = dir.filePath(QStringLiteral("elsewhere"));
    const QString link = dir.filePath(QStringLiteral("link.pem"));
    QVERIFY(writeFile(target, "old"));
    QVERIFY(QFile::link(target, link));
    error.clear();
    QVERIFY(!writePrivateKeyFile(link, pem, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(readFile(target), QByteArray("old"));
}

void tst_TlsCert::infoOfThrowaway()
{
    const CertificateInfo info(m_cert.certificate());
    QCOMPARE(info.subject(), QStringLiteral("CN=localhost, O=SockScope throwaway certificate"));
    QCOMPARE(info.issuer(), info.subject());
    QCOMPARE(info.dnsNames(), QStringList{QStringLiteral("localhost")});
    QCOMPARE(info.ipAddresses(), (QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1")}));
    QCOMPARE(info.sha256Fingerprint(), m_cert.sha256Fingerprint());
    QVERIFY(info.isSelfSigned());
    QCOMPARE(info.validity(), CertificateInfo::Validity::Valid);
    const QString text = info.toText();
    for (const QString &part :
         {QStringLiteral("Subject: CN=localhost, O=SockScope throwaway certificate"),
          QStringLiteral("DNS names: localhost"), QStringLiteral("IP addresses: 127.0.0.1, ::1"),
          QStringLiteral("SHA-256: ") + m_cert.sha256Fingerprint(), QStringLiteral("(valid)"),
          QStringLiteral("Self-signed: yes")}) {
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" missing in:\n") + text));
    }
}

void tst_TlsCert::infoValidity_data()
{
    QTest::addColumn<int>("fromDays");
    QTest::addColumn<int>("untilDays");
    QTest::addColumn<CertificateInfo::Validity>("validity");
    QTest::addColumn<QString>("word");
    QTest::newRow("current") << -1 << 1 << CertificateInfo::Validity::Valid
                             << QStringLiteral("(valid)");
    QTest::newRow("expired") << -10 << -2 << CertificateInfo::Validity::Expired
                             << QStringLiteral("(expired)");
    QTest::newRow("not yet valid")
        << 2 << 10 << CertificateInfo::Validity::NotYetValid << QStringLiteral("(not yet valid)");
}

void tst_TlsCert::infoValidity()
{
    QFETCH(int, fromDays);
    QFETCH(int, untilDays);
    QFETCH(CertificateInfo::Validity, validity);
    QFETCH(QString, word);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ThrowawayCertificate::Options options;
    options.notBefore = now.addDays(fromDays);
    options.notAfter = now.addDays(untilDays);
    const ThrowawayCertificate cert = ThrowawayCertificate::generate(options);
    QVERIFY(!cert.isNull());
    const CertificateInfo info(cert.certificate());
    QCOMPARE(info.validity(), validity);
    QVERIFY2(info.toText().contains(word), qPrintable(info.toText()));
    QCOMPARE(info.notAfter().toSecsSinceEpoch(), options.notAfter.toSecsSinceEpoch());
}

void tst_TlsCert::infoOfOpensslCertificate()
{
    if (opensslBinary().isEmpty())
        QSKIP("the openssl binary is missing (Debian package openssl)");
    // OpenSSL 3.0's req cannot back-date; a 1-day certificate is judged two days later instead.
    QTemporaryDir dir;
    const QString certPath = dir.filePath(QStringLiteral("c.pem"));
    int code = -1;
    const QString out =
        openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                 dir.filePath(QStringLiteral("k.pem")), QStringLiteral("-out"), certPath,
                 QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                 QStringLiteral("/C=DE/O=Acme/OU=Lab/CN=device.example"), QStringLiteral("-addext"),
                 QStringLiteral("subjectAltName=DNS:device.example,DNS:alt.example,IP:10.0.0.7")},
                &code);
    QVERIFY2(code == 0, qPrintable(out));
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(certPath);
    QCOMPARE(certs.size(), 1);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const CertificateInfo info(certs.first(), now);
    QCOMPARE(info.subject(), QStringLiteral("CN=device.example, OU=Lab, O=Acme, C=DE"));
    QCOMPARE(info.dnsNames(),
             (QStringList{QStringLiteral("device.example"), QStringLiteral("alt.example")}));
    QCOMPARE(info.ipAddresses(), QStringList{QStringLiteral("10.0.0.7")});
    QCOMPARE(info.validity(), CertificateInfo::Validity::Valid);
    QCOMPARE(CertificateInfo(certs.first(), now.addDays(2)).validity(),
             CertificateInfo::Validity::Expired);
    QCOMPARE(CertificateInfo(certs.first(), now.addDays(-1)).validity(),
             CertificateInfo::Validity::NotYetValid);
    QVERIFY(info.isSelfSigned());

    // A leaf that this certificate signed: issued by it, not self-signed.
    const QString csr = dir.filePath(QStringLiteral("leaf.csr"));
    const QString leafPath = dir.filePath(QStringLiteral("leaf.pem"));
    openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), dir.filePath(QStringLiteral("leafkey.pem")),
             QStringLiteral("-out"), csr, QStringLiteral("-subj"),
             QStringLiteral("/CN=leaf.example")},
            &code);
    QCOMPARE(code, 0);
    openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
             QStringLiteral("-CA"), certPath, QStringLiteral("-CAkey"),
             dir.filePath(QStringLiteral("k.pem")), QStringLiteral("-days"), QStringLiteral("1"),
             QStringLiteral("-set_serial"), QStringLiteral("7"), QStringLiteral("-out"), leafPath},
            &code);
    QCOMPARE(code, 0);
    const QList<QSslCertificate> leaf = QSslCertificate::fromPath(leafPath);
    QCOMPARE(leaf.size(), 1);
    const CertificateInfo leafInfo(leaf.first());
    QCOMPARE(leafInfo.subject(), QStringLiteral("CN=leaf.example"));
    QCOMPARE(leafInfo.issuer(), info.subject());
    QVERIFY(!leafInfo.isSelfSigned());
    QVERIFY(leafInfo.toText().contains(QStringLiteral("Self-signed: no")));
    QVERIFY(leafInfo.toText().contains(QStringLiteral("DNS names: (none)")));
}

void tst_TlsCert::chainText()
{
    const ThrowawayCertificate second = ThrowawayCertificate::generate();
    const QString text = CertificateInfo::chainText({m_cert.certificate(), second.certificate()});
    QVERIFY(text.startsWith(QStringLiteral("Certificate 0 (peer)\nSubject: ")));
    QVERIFY(text.contains(QStringLiteral("\n\nCertificate 1\nSubject: ")));
    QVERIFY(text.contains(m_cert.sha256Fingerprint()));
    QVERIFY(text.contains(second.sha256Fingerprint()));
    QCOMPARE(CertificateInfo::chainText({}), QString());
}

void tst_TlsCert::certificateNamesHost_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("names");
    const auto row = [](const char *kind, const char *host, bool names) {
        QTest::addRow("%s: %s", kind, host)
            << QString::fromLatin1(kind) << QString::fromLatin1(host) << names;
    };
    row("default", "localhost", true);
    row("default", "LOCALHOST", true);
    row("default", "localhost.", true);
    row("default", "127.0.0.1", true);
    row("default", "::1", true);
    row("default", "0:0:0:0:0:0:0:1", true);
    row("default", "127.0.0.2", false);
    row("default", "::2", false);
    row("default", "sub.localhost", false);
    row("default", "other.example", false);
    row("default", "", false);
    row("wildcard", "a.example.test", true);
    row("wildcard", "A.Example.Test", true);
    row("wildcard", "a.b.example.test", false);
    row("wildcard", "example.test", false);
    row("cn only", "device.lan", true); // legacy: no SAN, so the CN counts
    row("cn only", "other.lan", false);
    // Qt 6.4 accepts both of these (CN "My Device" vs any IPv6; CN beside SANs).
    row("cn not a host name", "::2", false);
    row("cn not a host name", "My Device", false);
    row("cn beside a san", "localhost", false);
    row("cn beside a san", "other.example", true);
}

void tst_TlsCert::certificateNamesHost()
{
    QFETCH(QString, kind);
    QFETCH(QString, host);
    QFETCH(bool, names);
    const QSslCertificate certificate = certificateOfKind(kind);
    QVERIFY(!certificate.isNull());
    QCOMPARE(sockscope::certificateNamesHost(certificate, host), names);
}

void tst_TlsCert::looksLikeTls_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("tls");
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("http request") << QByteArray("GET / HTTP/1.1\r\n") << false;
    QTest::newRow("http answer") << QByteArray("HTTP/1.1 400 Bad Request\r\n") << false;
    QTest::newRow("ssh banner") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << false;
    QTest::newRow("mqtt connect") << QByteArray("\x10\x0c\x00\x04MQTT", 8) << false;
    QTest::newRow("type ok, version not 3") << QByteArray("\x16\x01\x00", 3) << false;
    QTest::newRow("handshake record") << QByteArray("\x16\x03\x01\x02\x00\x01", 6) << true;
    QTest::newRow("one handshake byte") << QByteArray("\x16", 1) << true;
    QTest::newRow("alert record") << alertRecord(70) << true;
    QTest::newRow("sslv2 client hello") << QByteArray("\x80\x2e\x01\x03\x01", 5) << true;
    QTest::newRow("high bit, not a hello") << QByteArray("\x80\x2e\x05", 3) << false;
}

void tst_TlsCert::looksLikeTls()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, tls);
    QCOMPARE(TlsErrorText::looksLikeTls(bytes), tls);
}

void tst_TlsCert::classifyHandshake_data()
{
    using E = QAbstractSocket::SocketError;
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QAbstractSocket::SocketError>("error");
    QTest::addColumn<Failure>("failure");
    QTest::newRow("plaintext answer") << QByteArray("HTTP/1.1 400 Bad Request\r\n")
                                      << E::SslHandshakeFailedError << Failure::NotTls;
    QTest::newRow("plaintext then close")
        << QByteArray("220 ftp ready\r\n") << E::RemoteHostClosedError << Failure::NotTls;
    QTest::newRow("closed, nothing sent")
        << QByteArray() << E::RemoteHostClosedError << Failure::ClosedWithoutAnswer;
    QTest::newRow("handshake failed, nothing sent")
        << QByteArray() << E::SslHandshakeFailedError << Failure::ClosedWithoutAnswer;
    QTest::newRow("timeout wins") << QByteArray("\x16\x03\x03", 3) << E::SocketTimeoutError
                                  << Failure::TimedOut;
    QTest::newRow("protocol_version")
        << alertRecord(70) << E::SslHandshakeFailedError << Failure::NoSharedProtocol;
    QTest::newRow("handshake_failure")
        << alertRecord(40) << E::SslHandshakeFailedError << Failure::HandshakeRefused;
    QTest::newRow("no_application_protocol")
        << alertRecord(120) << E::SslHandshakeFailedError << Failure::NoSharedApplicationProtocol;
    QTest::newRow("unknown_ca") << alertRecord(48) << E::SslHandshakeFailedError
                                << Failure::PeerRejectedCertificate;
    QTest::newRow("certificate_expired")
        << alertRecord(45) << E::RemoteHostClosedError << Failure::PeerRejectedCertificate;
    QTest::newRow("certificate_required")
        << alertRecord(116) << E::SslHandshakeFailedError << Failure::PeerRequiresCertificate;
    QTest::newRow("unexpected_message")
        << alertRecord(10) << E::SslHandshakeFailedError << Failure::PeerAlert;
    QTest::newRow("alert cut short") << QByteArray("\x15\x03\x03\x00\x02\x02", 6)
                                     << E::SslHandshakeFailedError << Failure::Other;
    QTest::newRow("server hello, then failure") << QByteArray("\x16\x03\x03\x00\x7a\x02", 6)
                                                << E::SslHandshakeFailedError << Failure::Other;
}

void tst_TlsCert::classifyHandshake()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QAbstractSocket::SocketError, error);
    QFETCH(Failure, failure);
    QCOMPARE(TlsErrorText::classifyHandshake(bytes, error), failure);
}

void tst_TlsCert::handshakeTextsDiffer()
{
    const QList<Failure> all = {Failure::NotTls,
                                Failure::ClosedWithoutAnswer,
                                Failure::NoSharedProtocol,
                                Failure::HandshakeRefused,
                                Failure::NoSharedApplicationProtocol,
                                Failure::PeerRejectedCertificate,
                                Failure::PeerRequiresCertificate,
                                Failure::PeerAlert,
                                Failure::TimedOut,
                                Failure::Other};
    QStringList texts;
    for (Failure failure : all)
        texts << TlsErrorText::handshakeText(failure);
    QVERIFY(texts.first().contains(QStringLiteral("does not speak TLS")));
    QVERIFY(texts.at(2).contains(QStringLiteral("No shared protocol version or cipher")));
    QVERIFY(texts.at(3).contains(QStringLiteral("client certificate")));
    QVERIFY(texts.at(8).contains(QStringLiteral("timed out")));
    texts.removeDuplicates();
    QCOMPARE(texts.size(), all.size());
}

void tst_TlsCert::sslErrorWords_data()
{
    QTest::addColumn<QSslError::SslError>("code");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("words");
    const QString cn = QStringLiteral("\"localhost\"");
    QTest::newRow("self-signed") << QSslError::SelfSignedCertificate << QString()
                                 << QStringList{QStringLiteral("Self-signed"), cn};
    // Whichever issuer code the library picks, a certificate that signed itself is called so.
    QTest::newRow("no local issuer, self-signed")
        << QSslError::UnableToGetLocalIssuerCertificate << QString()
        << QStringList{QStringLiteral("Self-signed"), cn};
    QTest::newRow("host mismatch")
        << QSslError::HostNameMismatch << QStringLiteral("device.lan")
        << QStringList{QStringLiteral("Host name mismatch"), cn, QStringLiteral("device.lan"),
                       QStringLiteral("localhost, 127.0.0.1, ::1")};
    QTest::newRow("host mismatch, no host")
        << QSslError::HostNameMismatch << QString()
        << QStringList{QStringLiteral("does not name this host")};
    QTest::newRow("expired") << QSslError::CertificateExpired << QString()
                             << QStringList{QStringLiteral("Expired"), cn,
                                            QStringLiteral("valid until")};
    QTest::newRow("not yet valid") << QSslError::CertificateNotYetValid << QString()
                                   << QStringList{QStringLiteral("Not yet valid"), cn};
    QTest::newRow("revoked") << QSslError::CertificateRevoked << QString()
                             << QStringList{QStringLiteral("Revoked"), cn};
    QTest::newRow("no peer certificate") << QSslError::NoPeerCertificate << QString()
                                         << QStringList{QStringLiteral("did not send one")};
}

void tst_TlsCert::unknownIssuerWords()
{
    if (opensslBinary().isEmpty())
        QSKIP("the openssl binary is missing (Debian package openssl)");
    // A CA-signed leaf whose CA is not trusted: an unknown issuer, not a self-signed one.
    QTemporaryDir dir;
    const auto path = [&dir](const char *name) { return dir.filePath(QLatin1String(name)); };
    int code = -1;
    openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), path("cakey.pem"), QStringLiteral("-out"), path("ca.pem"),
             QStringLiteral("-subj"), QStringLiteral("/CN=Some CA")},
            &code);
    QCOMPARE(code, 0);
    openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), path("leafkey.pem"), QStringLiteral("-out"),
             path("leaf.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=device.example")},
            &code);
    QCOMPARE(code, 0);
    openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             path("leaf.csr"), QStringLiteral("-CA"), path("ca.pem"), QStringLiteral("-CAkey"),
             path("cakey.pem"), QStringLiteral("-set_serial"), QStringLiteral("9"),
             QStringLiteral("-out"), path("leaf.pem")},
            &code);
    QCOMPARE(code, 0);
    const QList<QSslCertificate> leaf = QSslCertificate::fromPath(path("leaf.pem"));
    QCOMPARE(leaf.size(), 1);
    const QString text = TlsErrorText::describe(
        QSslError(QSslError::UnableToGetLocalIssuerCertificate, leaf.first()));
    QVERIFY2(text.contains(QStringLiteral("Unknown issuer")) &&
                 text.contains(QStringLiteral("\"device.example\"")),
             qPrintable(text));
    // No certificate at all: still a sentence.
    QVERIFY(TlsErrorText::describe(QSslError(QSslError::UnableToGetIssuerCertificate))
                .contains(QStringLiteral("Unknown issuer: the peer's certificate")));
}

void tst_TlsCert::sslErrorWords()
{
    QFETCH(QSslError::SslError, code);
    QFETCH(QString, host);
    QFETCH(QStringList, words);
    const QString text = TlsErrorText::describe(QSslError(code, m_cert.certificate()), host);
    for (const QString &word : words)
        QVERIFY2(text.contains(word), qPrintable(word + QStringLiteral(" missing in: ") + text));
}

QTEST_GUILESS_MAIN(tst_TlsCert)
#include "tst_tlscert.moc"
