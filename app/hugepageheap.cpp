#include "hugepageheap.h"

#include <QByteArray>
#include <QFile>

#include <cstdlib>
#include <unistd.h>

namespace sockscope {

namespace {

constexpr char kTunables[] = "GLIBC_TUNABLES";
constexpr char kHugeTlb[] = "glibc.malloc.hugetlb=1";
// Set in the new image only: what GLIBC_TUNABLES was before ("unset" when it was not set).
constexpr char kWas[] = "SOCKSCOPE_GLIBC_TUNABLES_WAS";
constexpr char kUnset[] = "\x01unset";

bool kernelWantsAdvice()
{
    QFile file(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.readAll().contains("[madvise]");
}

// Back to the user's environment after the restart.
void restoreEnvironment(const char *was)
{
    if (qstrcmp(was, kUnset) == 0)
        unsetenv(kTunables);
    else
        setenv(kTunables, was, 1);
    unsetenv(kWas);
}

} // namespace

void useHugePageHeap(char *argv[])
{
#if defined(__GLIBC__) && defined(Q_OS_LINUX) && !defined(__SANITIZE_ADDRESS__)
    if (const char *was = getenv(kWas)) {
        restoreEnvironment(was);
        return;
    }
    const QByteArray tunables = qgetenv(kTunables);
    if (tunables.contains("glibc.malloc.hugetlb") || !kernelWantsAdvice())
        return;
    // The file itself, not /proc/self/exe: the process keeps its name ("sockscope" for ps,
    // pgrep and killall).
    const QByteArray self = QFile::encodeName(QFile::symLinkTarget(QStringLiteral("/proc/self/exe")));
    if (self.isEmpty() || access(self.constData(), X_OK) != 0)
        return;
    setenv(kWas, tunables.isNull() ? kUnset : tunables.constData(), 1);
    const QByteArray ours = tunables.isEmpty() ? QByteArray(kHugeTlb) : tunables + ':' + kHugeTlb;
    setenv(kTunables, ours.constData(), 1);
    execv(self.constData(), argv);
    // Still here: run as we are.
    restoreEnvironment(getenv(kWas));
#else
    Q_UNUSED(argv);
#endif
}

} // namespace sockscope
