#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

#include <functional>

class QObject;

namespace sockscope {

enum class PortProtocol
{
    Tcp,
    Udp
};

// Who holds a local port. Filled by PortOwnerLookup::find().
struct PortOwner
{
    PortProtocol protocol = PortProtocol::Tcp;
    quint16 port = 0;
    bool socketFound = false;  // a matching socket is listed in <proc>/net/*
    bool found = false;        // ...and the process holding it was identified
    bool accessDenied = false; // some processes' fd tables could not be read (other users)
    qint64 pid = -1;
    QString processName;       // /proc/<pid>/comm, or the basename of argv[0]
    QString commandLine;       // argv joined with spaces; may be empty (kernel threads, no access)
    QHostAddress localAddress; // as the kernel lists it, e.g. 0.0.0.0, ::1, ::ffff:127.0.0.1
};

// Finds the process that holds a TCP listener or a bound UDP socket, on Linux, by reading
// <proc>/net/{tcp,tcp6,udp,udp6} for the socket inode and then <proc>/<pid>/fd/* for the
// "socket:[inode]" link. Meant to be called once after a bind error: nothing is cached and
// nothing is kept open. Elsewhere (no /proc) it simply finds nothing.
class PortOwnerLookup
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::PortOwnerLookup)

public:
    // procRoot is injectable so tests can point it at a fake tree.
    explicit PortOwnerLookup(const QString &procRoot = QStringLiteral("/proc"));

    // With a null or "any" address every socket on the port counts. With a specific address,
    // sockets bound to it (v4-mapped IPv6 counts as IPv4) or to a wildcard that covers it
    // count; exact matches win over wildcards, and among processes sharing one socket the
    // lowest pid (usually the parent) wins.
    PortOwner find(PortProtocol protocol, quint16 port,
                   const QHostAddress &address = QHostAddress()) const;

    // find() on a worker thread (a big /proc takes most of a second): `done` runs later on
    // `context`'s thread, never if `context` is destroyed first.
    void findAsync(PortProtocol protocol, quint16 port, const QHostAddress &address,
                   QObject *context, std::function<void(const PortOwner &)> done) const;

    // "Port 9000 is already in use by python3 (pid 4242)." and its honest fallbacks.
    static QString describe(const PortOwner &owner);

    // Parses one "<hex address>:<hex port>" field of /proc/net/{tcp,udp}[6]. The address is
    // the raw in-memory bytes printed as native-endian 32-bit words (little-endian on x86).
    static bool parseProcNetAddress(const QByteArray &field, QHostAddress *address, quint16 *port);

    QString procRoot() const { return m_procRoot; }

private:
    QString m_procRoot;
};

} // namespace sockscope
