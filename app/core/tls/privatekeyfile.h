#pragma once

#include <QByteArray>
#include <QString>

namespace sockscope {

// Writes a private key (PEM) so that only its owner can read it: a new file is created 0600,
// an existing one is truncated and its mode narrowed to 0600 before any key byte lands in it.
// The key never appears in *error. Returns false and says why in *error on failure.
bool writePrivateKeyFile(const QString &path, const QByteArray &pem, QString *error);

} // namespace sockscope
