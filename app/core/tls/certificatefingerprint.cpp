#include "core/tls/certificatefingerprint.h"

#include <QCryptographicHash>
#include <QSslCertificate>

namespace sockscope {

QString sha256Fingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

} // namespace sockscope
