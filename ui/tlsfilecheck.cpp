#include "tlsfilecheck.h"

#include "core/tls/tlscontext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>

namespace sockscope {

namespace {

// PEM files are small; anything bigger was picked by mistake (and is not read whole).
constexpr qint64 MaxPemBytes = 1024 * 1024;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

QString TlsFileCheck::problem(const QString &path, Kind kind)
{
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    if (!info.exists())
        return tr("%1 does not exist.").arg(shown(path));
    if (info.isDir())
        return tr("%1 is a folder, not a file.").arg(shown(path));
    if (!info.isFile()) // a FIFO or a device would block the window while it is read
        return tr("%1 is not a regular file.").arg(shown(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("%1 cannot be read: %2.").arg(shown(path), file.errorString());
    if (file.size() > MaxPemBytes)
        return tr("%1 is too large for a PEM file.").arg(shown(path));
    const QByteArray data = file.readAll();
    if (kind == Kind::Certificate) {
        if (QSslCertificate::fromData(data, QSsl::Pem).isEmpty())
            return tr("%1 holds no PEM certificate (\"-----BEGIN CERTIFICATE-----\").")
                .arg(shown(path));
    } else if (!data.contains("PRIVATE KEY-----")) {
        return tr("%1 holds no PEM private key (\"-----BEGIN … PRIVATE KEY-----\").")
            .arg(shown(path));
    }
    return {};
}

bool TlsFileCheck::serverSideOn(const TlsSettings &s, Session::Mode mode)
{
    // DTLS (a UDP tab) is a server when it has a certificate of its own, as DtlsSession.
    if (mode == Session::Mode::Udp)
        return s.enabled && s.hasOwnCertificate();
    return s.enabled && (mode == Session::Mode::TcpServer || mode == Session::Mode::Relay);
}

bool TlsFileCheck::clientSideOn(const TlsSettings &s, Session::Mode mode)
{
    if (mode == Session::Mode::Udp)
        return s.enabled && !s.hasOwnCertificate();
    return (mode == Session::Mode::TcpClient && s.enabled) ||
           (mode == Session::Mode::Relay && s.upstream);
}

QString TlsFileCheck::settingsProblem(const TlsSettings &s, Session::Mode mode)
{
    QStringList problems;
    if (serverSideOn(s, mode) && !s.generateCertificate) {
        if (s.certFile.isEmpty() || s.keyFile.isEmpty())
            return tr("TLS needs a certificate and its key file: choose both, or generate "
                      "a throwaway certificate.");
        problems << problem(s.certFile, Kind::Certificate) << problem(s.keyFile, Kind::Key);
    }
    if (clientSideOn(s, mode)) {
        if (s.clientCertFile.isEmpty() != s.clientKeyFile.isEmpty())
            return tr("A client certificate needs its key file, and a key its certificate.");
        problems << problem(s.clientCertFile, Kind::Certificate)
                 << problem(s.clientKeyFile, Kind::Key);
    }
    const bool caUsed =
        clientSideOn(s, mode) ||
        (serverSideOn(s, mode) && s.clientCertificates != TlsSettings::ClientCertificates::None);
    if (caUsed)
        problems << problem(s.caFile, Kind::Certificate);
    problems.removeAll(QString());
    return problems.value(0);
}

QStringList TlsFileCheck::keyFilesUsed(const TlsSettings &s, Session::Mode mode)
{
    QStringList keys;
    if (serverSideOn(s, mode) && !s.generateCertificate && !s.keyFile.isEmpty())
        keys << s.keyFile;
    if (clientSideOn(s, mode) && !s.clientKeyFile.isEmpty())
        keys << s.clientKeyFile;
    return keys;
}

bool TlsFileCheck::keyIsEncrypted(const QString &path)
{
    // Not a FIFO or device (the core reads what it is given; a FIFO would block the window).
    return QFileInfo(path).isFile() && TlsContext::keyNeedsPassphrase(path);
}

} // namespace sockscope
