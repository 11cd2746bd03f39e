#include "core/tls/privatekeyfile.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sockscope {

namespace {

class TlsFiles
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::TlsFiles)
};

void setError(QString *error, const QString &path, int errorNumber)
{
    if (error) {
        *error = TlsFiles::tr("Cannot write the private key to %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errorNumber)));
    }
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

bool writePrivateKeyFile(const QString &path, const QByteArray &pem, QString *error)
{
    const QByteArray name = QFile::encodeName(path);
    // O_NOFOLLOW: a symlink planted at the path must not redirect the key elsewhere.
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
                          S_IRUSR | S_IWUSR);
    if (fd < 0) {
        setError(error, path, errno);
        return false;
    }
    // The mode given to open() only applies to a new file; an existing one keeps its own.
    bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0 && writeAll(fd, pem) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        setError(error, path, errno);
        return false;
    }
    if (!ok)
        setError(error, path, savedErrno);
    return ok;
}

} // namespace sockscope
