// Certificates for the TLS tests, made per test run by the `openssl` command line (not by
// the code under test) in a temporary folder: a CA and what it signed, plus the broken kinds
// a user meets (self-signed, expired, for another host) and an encrypted key.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace sockscope::test {

// The openssl binary (Debian package openssl, installed by build.sh); empty if missing.
inline QString opensslBinary()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

// Runs `openssl args` in `workDir` with `input` on stdin; its stdout, or false with the
// command and its stderr in *error.
inline bool runOpenssl(const QStringList &args, const QString &workDir, QByteArray *out,
                       QString *error, const QByteArray &input = {})
{
    QProcess p;
    p.setWorkingDirectory(workDir);
    p.start(opensslBinary(), args);
    if (!p.waitForStarted(5000)) {
        *error = QStringLiteral("cannot run openssl: ") + p.errorString();
        return false;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(20000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                     .arg(args.join(u' '), QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return true;
}

// The files, by name (path(name)):
//   ca.pem / ca.key                CA "SockScope Test CA"
//   server.pem / server.key        CN localhost, SAN DNS:localhost, IP:127.0.0.1; by the CA
//   server-encrypted.key           server.key under kKeyPassphrase (AES-256)
//   selfsigned.pem / selfsigned.key  CN localhost, same SANs, signed by itself
//   expired.pem / expired.key      as server.pem (same key), valid from 30 days ago until
//                                  yesterday
//   wronghost.pem / wronghost.key  CN example.org, SAN DNS:example.org only; by the CA
//   client.pem / client.key        CN "SockScope test client", clientAuth; by the CA
//   other-ca.pem / other-ca.key    a second CA that signed nothing here (a wrong --ca)
class TestCerts
{
public:
    static constexpr const char *kKeyPassphrase = "correct horse battery";

    // Makes every file; false with the reason in error().
    bool make()
    {
        if (opensslBinary().isEmpty())
            return fail(QStringLiteral("the openssl binary is missing (Debian package openssl)"));
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary folder"));
        return makeCa(QStringLiteral("ca"), QStringLiteral("SockScope Test CA")) &&
               makeCa(QStringLiteral("other-ca"), QStringLiteral("Some Other CA")) &&
               makeSigned(QStringLiteral("server"), QStringLiteral("localhost"),
                          QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                                         "extendedKeyUsage=serverAuth\n")) &&
               makeSigned(QStringLiteral("wronghost"), QStringLiteral("example.org"),
                          QStringLiteral("subjectAltName=DNS:example.org\n"
                                         "extendedKeyUsage=serverAuth\n")) &&
               makeSigned(QStringLiteral("client"), QStringLiteral("SockScope test client"),
                          QStringLiteral("extendedKeyUsage=clientAuth\n")) &&
               makeSelfSigned() && makeExpired() && makeEncryptedKey();
    }

    QString error() const { return m_error; }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString path(const char *name) const { return path(QString::fromLatin1(name)); }
    QString dir() const { return m_dir.path(); }

    // "AB:CD:…" as `openssl x509 -fingerprint -sha256` prints it; empty on failure.
    QString sha256(const QString &certName)
    {
        if (!m_fingerprints.contains(certName))
            m_fingerprints.insert(certName, fingerprintOfFile(path(certName)));
        return m_fingerprints.value(certName);
    }

    QString sha256(const char *certName) { return sha256(QString::fromLatin1(certName)); }

    // The same for a PEM certificate given as text (e.g. from s_client's output).
    QString fingerprintOfPem(const QByteArray &pem) const
    {
        QByteArray out;
        QString error;
        if (!runOpenssl({QStringLiteral("x509"), QStringLiteral("-noout"),
                         QStringLiteral("-fingerprint"), QStringLiteral("-sha256")},
                        m_dir.path(), &out, &error, pem)) {
            return {};
        }
        return parseFingerprint(out);
    }

private:
    bool fail(const QString &why)
    {
        m_error = why;
        return false;
    }

    bool openssl(const QStringList &args, QByteArray *out = nullptr)
    {
        return runOpenssl(args, m_dir.path(), out, &m_error);
    }

    bool writeText(const QString &name, const QString &text)
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text.toUtf8()) < 0)
            return fail(QStringLiteral("cannot write ") + f.fileName());
        return true;
    }

    static QString parseFingerprint(const QByteArray &out)
    {
        // "sha256 Fingerprint=AB:CD:…" (OpenSSL 3; 1.1 said "SHA256 Fingerprint=").
        const int eq = out.indexOf('=');
        return eq < 0 ? QString() : QString::fromLatin1(out.mid(eq + 1).trimmed());
    }

    QString fingerprintOfFile(const QString &file) const
    {
        QByteArray out;
        QString error;
        if (!runOpenssl({QStringLiteral("x509"), QStringLiteral("-noout"),
                         QStringLiteral("-fingerprint"), QStringLiteral("-sha256"),
                         QStringLiteral("-in"), file},
                        m_dir.path(), &out, &error)) {
            return {};
        }
        return parseFingerprint(out);
    }

    static QStringList newKeyArgs()
    {
        return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};
    }

    bool makeCa(const QString &name, const QString &cn)
    {
        return openssl(
            QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + newKeyArgs() +
            QStringList{
                QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-subj"), QStringLiteral("/CN=") + cn, QStringLiteral("-addext"),
                QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    }

    // A key and a certificate request for `cn`: name.key, name.csr.
    bool makeRequest(const QString &name, const QString &cn)
    {
        return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-new")} + newKeyArgs() +
                       QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                   QStringLiteral("-out"), name + QStringLiteral(".csr"),
                                   QStringLiteral("-subj"), QStringLiteral("/CN=") + cn});
    }

    bool makeSigned(const QString &name, const QString &cn, const QString &extensions)
    {
        const QString ext = name + QStringLiteral(".ext");
        return makeRequest(name, cn) &&
               writeText(ext, QStringLiteral("basicConstraints=CA:FALSE\n") + extensions) &&
               openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        name + QStringLiteral(".csr"), QStringLiteral("-CA"),
                        QStringLiteral("ca.pem"), QStringLiteral("-CAkey"),
                        QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                        ext, QStringLiteral("-out"), name + QStringLiteral(".pem")});
    }

    bool makeSelfSigned()
    {
        return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + newKeyArgs() +
                       QStringList{QStringLiteral("-keyout"), QStringLiteral("selfsigned.key"),
                                   QStringLiteral("-out"), QStringLiteral("selfsigned.pem"),
                                   QStringLiteral("-days"), QStringLiteral("2"),
                                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                                   QStringLiteral("-addext"),
                                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    }

    // `openssl x509 -req` (3.0) cannot backdate; `openssl ca` takes -startdate/-enddate.
    bool makeExpired()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto stamp = [](const QDateTime &t) {
            return t.toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('Z');
        };
        const QString config = QStringLiteral(
            "[ca]\ndefault_ca = test_ca\n"
            "[test_ca]\ndatabase = ca-index.txt\nnew_certs_dir = .\nserial = ca-serial\n"
            "default_md = sha256\npolicy = anything\nunique_subject = no\n"
            "[anything]\ncommonName = supplied\n"
            "[server_ext]\nbasicConstraints = CA:FALSE\n"
            "subjectAltName = DNS:localhost,IP:127.0.0.1\nextendedKeyUsage = serverAuth\n");
        if (!QFile::copy(path("server.key"), path("expired.key")))
            return fail(QStringLiteral("cannot copy server.key"));
        return writeText(QStringLiteral("ca.cnf"), config) &&
               writeText(QStringLiteral("ca-index.txt"), QString()) &&
               writeText(QStringLiteral("ca-serial"), QStringLiteral("1000\n")) &&
               openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                        QStringLiteral("ca.cnf"), QStringLiteral("-cert"), QStringLiteral("ca.pem"),
                        QStringLiteral("-keyfile"), QStringLiteral("ca.key"), QStringLiteral("-in"),
                        QStringLiteral("server.csr"), QStringLiteral("-out"),
                        QStringLiteral("expired.pem"), QStringLiteral("-notext"),
                        QStringLiteral("-extensions"), QStringLiteral("server_ext"),
                        QStringLiteral("-startdate"), stamp(now.addDays(-30)),
                        QStringLiteral("-enddate"), stamp(now.addDays(-1))});
    }

    bool makeEncryptedKey()
    {
        return openssl({QStringLiteral("pkey"), QStringLiteral("-in"), QStringLiteral("server.key"),
                        QStringLiteral("-aes256"), QStringLiteral("-passout"),
                        QStringLiteral("pass:") + QLatin1String(kKeyPassphrase),
                        QStringLiteral("-out"), QStringLiteral("server-encrypted.key")});
    }

    QTemporaryDir m_dir;
    QString m_error;
    QHash<QString, QString> m_fingerprints;
};

} // namespace sockscope::test
