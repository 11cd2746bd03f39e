#include "core/net/portowner.h"

#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include <dirent.h>
#include <unistd.h>

namespace sockscope {

namespace {

// Kernel TCP states as printed in the "st" column; 0A is TCP_LISTEN.
constexpr char kTcpListen[] = "0A";

enum class AddressMatch
{
    None,
    Wildcard,
    Exact
};

struct Candidate
{
    quint64 inode = 0;
    QHostAddress address;
    AddressMatch match = AddressMatch::None;
};

bool isAnyAddress(const QHostAddress &address)
{
    return address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
           address == QHostAddress::AnyIPv6;
}

AddressMatch matchAddress(const QHostAddress &bound, const QHostAddress &wanted)
{
    if (wanted.isNull() || isAnyAddress(wanted))
        return AddressMatch::Exact;
    if (bound.isEqual(wanted, QHostAddress::ConvertV4MappedToIPv4))
        return AddressMatch::Exact;

    bool wantedIsV4 = wanted.protocol() == QHostAddress::IPv4Protocol;
    if (!wantedIsV4) {
        bool mapped = false;
        wanted.toIPv4Address(&mapped);
        wantedIsV4 = mapped;
    }
    if (bound == QHostAddress::AnyIPv4)
        return wantedIsV4 ? AddressMatch::Wildcard : AddressMatch::None;
    // "::" also covers IPv4 unless the socket set IPV6_V6ONLY, which /proc does not show;
    // assume dual-stack (the Linux default).
    if (bound == QHostAddress::AnyIPv6)
        return AddressMatch::Wildcard;
    return AddressMatch::None;
}

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll(); // /proc files report size 0; readAll() reads to EOF anyway
}

// Appends the sockets on `port` found in one /proc/net table.
void collectCandidates(const QString &path, bool listenOnly, quint16 port,
                       const QHostAddress &wanted, QList<Candidate> *out)
{
    const QByteArray content = readSmallFile(path);
    const QList<QByteArray> lines = content.split('\n');
    for (const QByteArray &rawLine : lines) {
        // "sl local rem st tx:rx tr:when retrnsmt uid timeout inode ..."
        const QList<QByteArray> fields = rawLine.simplified().split(' ');
        if (fields.size() < 10 || !fields.at(0).endsWith(':'))
            continue; // header or garbage
        if (listenOnly && fields.at(3) != kTcpListen)
            continue;
        QHostAddress address;
        quint16 localPort = 0;
        if (!PortOwnerLookup::parseProcNetAddress(fields.at(1), &address, &localPort) ||
            localPort != port)
            continue;
        bool ok = false;
        const quint64 inode = fields.at(9).toULongLong(&ok);
        if (!ok || inode == 0) // 0: no longer owned by any file (e.g. being torn down)
            continue;
        const AddressMatch match = matchAddress(address, wanted);
        if (match == AddressMatch::None)
            continue;
        out->append({inode, address, match});
    }
}

// "socket:[12345]" -> 12345, or 0.
quint64 socketInodeFromLink(const char *target, qsizetype length)
{
    static constexpr char prefix[] = "socket:[";
    constexpr qsizetype prefixLength = sizeof(prefix) - 1;
    if (length <= prefixLength + 1 || std::memcmp(target, prefix, prefixLength) != 0 ||
        target[length - 1] != ']')
        return 0;
    bool ok = false;
    const quint64 inode =
        QByteArray(target + prefixLength, length - prefixLength - 1).toULongLong(&ok);
    return ok ? inode : 0;
}

bool isPidName(const char *name)
{
    if (!*name)
        return false;
    for (const char *p = name; *p; ++p) {
        if (*p < '0' || *p > '9')
            return false;
    }
    return true;
}

// The sockets on `port` that a bind to `wanted` collides with, exact address matches first.
QList<Candidate> findPortSockets(const QString &procRoot, PortProtocol protocol, quint16 port,
                                 const QHostAddress &wanted)
{
    QList<Candidate> candidates;
    const QString net = procRoot + QStringLiteral("/net/");
    if (protocol == PortProtocol::Tcp) {
        collectCandidates(net + QStringLiteral("tcp"), true, port, wanted, &candidates);
        collectCandidates(net + QStringLiteral("tcp6"), true, port, wanted, &candidates);
    } else {
        // Any UDP socket bound to the port blocks a new bind (state 07 unconnected,
        // 01 connected); there is no listen state.
        collectCandidates(net + QStringLiteral("udp"), false, port, wanted, &candidates);
        collectCandidates(net + QStringLiteral("udp6"), false, port, wanted, &candidates);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         return a.match == AddressMatch::Exact && b.match != AddressMatch::Exact;
                     });
    return candidates;
}

// The process holding the best-ranked candidate socket.
struct SocketHolder
{
    qsizetype index = 0;       // in the candidates
    qint64 pid = -1;           // -1: no holder found
    bool accessDenied = false; // some processes' fd tables could not be read
};

// Looks for the candidates' inodes among one process's open files; only a candidate
// ranked at or above the best so far can replace it.
void scanFdTable(DIR *fdDir, qint64 pid, const QList<Candidate> &candidates, SocketHolder *best)
{
    const int fdDirFd = ::dirfd(fdDir);
    while (const dirent *fdEntry = ::readdir(fdDir)) {
        if (fdEntry->d_name[0] == '.')
            continue;
        char target[64];
        const ssize_t length = ::readlinkat(fdDirFd, fdEntry->d_name, target, sizeof target);
        if (length <= 0 || length == ssize_t(sizeof target))
            continue;
        const quint64 inode = socketInodeFromLink(target, length);
        if (inode == 0)
            continue;
        for (qsizetype i = 0; i < candidates.size() && i <= best->index; ++i) {
            if (candidates.at(i).inode != inode)
                continue;
            if (i < best->index || pid < best->pid) {
                best->index = i;
                best->pid = pid;
            }
            break;
        }
    }
}

// One pass over every process's fd table; keep the best-ranked candidate found and,
// for a socket shared across fork(), the lowest pid.
SocketHolder findSocketHolder(const QString &procRoot, const QList<Candidate> &candidates)
{
    SocketHolder best;
    best.index = candidates.size();
    const QByteArray root = QFile::encodeName(procRoot);
    DIR *procDir = ::opendir(root.constData());
    if (!procDir)
        return best;
    while (const dirent *entry = ::readdir(procDir)) {
        if (!isPidName(entry->d_name))
            continue;
        const qint64 pid = QByteArray(entry->d_name).toLongLong();
        const QByteArray fdPath = root + '/' + entry->d_name + "/fd";
        DIR *fdDir = ::opendir(fdPath.constData());
        if (!fdDir) {
            if (errno != ENOENT) // ENOENT: the process just exited
                best.accessDenied = true;
            continue;
        }
        scanFdTable(fdDir, pid, candidates, &best);
        ::closedir(fdDir);
    }
    ::closedir(procDir);
    return best;
}

// Fills the owner's process name and command line from <proc>/<pid>/{comm,cmdline}.
void readProcessDetails(const QString &procRoot, qint64 pid, PortOwner *owner)
{
    const QString pidDir = procRoot + QLatin1Char('/') + QString::number(pid);
    QByteArray comm = readSmallFile(pidDir + QStringLiteral("/comm"));
    if (comm.endsWith('\n'))
        comm.chop(1);
    QByteArray cmdline = readSmallFile(pidDir + QStringLiteral("/cmdline"));
    while (cmdline.endsWith('\0'))
        cmdline.chop(1);

    owner->commandLine = QString::fromLocal8Bit(QByteArray(cmdline).replace('\0', ' '));
    if (!comm.isEmpty()) {
        owner->processName = QString::fromLocal8Bit(comm);
    } else if (!cmdline.isEmpty()) {
        const qsizetype end = cmdline.indexOf('\0');
        const QByteArray argv0 = end < 0 ? cmdline : cmdline.left(end);
        owner->processName = QFileInfo(QString::fromLocal8Bit(argv0)).fileName();
    }
}

} // namespace

PortOwnerLookup::PortOwnerLookup(const QString &procRoot) : m_procRoot(procRoot) {}

bool PortOwnerLookup::parseProcNetAddress(const QByteArray &field, QHostAddress *address,
                                          quint16 *port)
{
    const qsizetype colon = field.indexOf(':');
    if (colon < 0)
        return false;
    const QByteArray hexAddress = field.left(colon);
    const QByteArray hexPort = field.mid(colon + 1);
    if (hexPort.size() != 4)
        return false;

    bool ok = false;
    const quint16 parsedPort = hexPort.toUShort(&ok, 16); // already host order
    if (!ok)
        return false;

    // The kernel prints each 32-bit word of the network-order address with %08X as a native
    // integer, so copying the parsed word back into memory restores the original bytes.
    auto wordBytes = [&](qsizetype index, uchar *dest) {
        const quint32 word = hexAddress.mid(index * 8, 8).toUInt(&ok, 16);
        std::memcpy(dest, &word, sizeof word);
        return ok;
    };

    QHostAddress parsed;
    if (hexAddress.size() == 8) {
        uchar bytes[4];
        if (!wordBytes(0, bytes))
            return false;
        parsed.setAddress(qFromBigEndian<quint32>(bytes));
    } else if (hexAddress.size() == 32) {
        Q_IPV6ADDR bytes;
        for (int i = 0; i < 4; ++i) {
            if (!wordBytes(i, bytes.c + 4 * i))
                return false;
        }
        parsed.setAddress(bytes);
    } else {
        return false;
    }

    if (address)
        *address = parsed;
    if (port)
        *port = parsedPort;
    return true;
}

PortOwner PortOwnerLookup::find(PortProtocol protocol, quint16 port,
                                const QHostAddress &address) const
{
    PortOwner result;
    result.protocol = protocol;
    result.port = port;
    if (port == 0)
        return result;

    const QList<Candidate> candidates = findPortSockets(m_procRoot, protocol, port, address);
    if (candidates.isEmpty())
        return result;
    result.socketFound = true;
    result.localAddress = candidates.first().address;

    const SocketHolder holder = findSocketHolder(m_procRoot, candidates);
    result.accessDenied = holder.accessDenied;
    if (holder.pid < 0)
        return result; // socket exists, owner unreadable (or it just went away)

    result.found = true;
    result.pid = holder.pid;
    result.localAddress = candidates.at(holder.index).address;
    readProcessDetails(m_procRoot, holder.pid, &result);
    return result;
}

void PortOwnerLookup::findAsync(PortProtocol protocol, quint16 port, const QHostAddress &address,
                                QObject *context, std::function<void(const PortOwner &)> done) const
{
    // The answer travels back through a relay object living on the caller's thread: the
    // worker deletes it later, its destroyed() reaches `done` there, and Qt drops that
    // connection if `context` is gone first. The worker never touches `context`.
    auto *relay = new QObject;
    auto owner = std::make_shared<PortOwner>();
    QObject::connect(relay, &QObject::destroyed, context,
                     [owner, done = std::move(done)] { done(*owner); });
    QThreadPool::globalInstance()->start([lookup = *this, protocol, port, address, owner, relay] {
        *owner = lookup.find(protocol, port, address);
        relay->deleteLater(); // posting the event publishes *owner to the caller's thread
    });
}

QString PortOwnerLookup::describe(const PortOwner &owner)
{
    const QString port = QString::number(owner.port);
    if (owner.found && !owner.processName.isEmpty()) {
        return tr("Port %1 is already in use by %2 (pid %3).")
            .arg(port, owner.processName, QString::number(owner.pid));
    }
    if (owner.found)
        return tr("Port %1 is already in use by process %2.").arg(port).arg(owner.pid);
    if (owner.socketFound && owner.accessDenied) {
        return tr("Port %1 is already in use by another program (its owner could not be "
                  "determined; it may belong to another user).")
            .arg(port);
    }
    return tr("Port %1 is already in use by another program (its owner could not be "
              "determined).")
        .arg(port);
}

} // namespace sockscope
