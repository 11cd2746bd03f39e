#include "core/net/portowner.h"

#include "loopback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkInterface>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <unistd.h>

using namespace sockscope;
using namespace sockscope::test;

namespace {

const QHostAddress kLoopback4(QHostAddress::LocalHost);

QString ownComm()
{
    QFile file(QStringLiteral("/proc/self/comm"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll()).trimmed();
}

// Builds a small fake /proc: net tables plus <pid>/{comm,cmdline,fd/*}.
class FakeProc
{
public:
    explicit FakeProc(const QString &root) : m_root(root)
    {
        QDir(root).mkpath(QStringLiteral("net"));
    }

    // One /proc/net line; `local` is the kernel's "<hex addr>:<hex port>" form.
    void addSocket(const QString &table, const char *local, const char *state, int inode)
    {
        m_tables[table] += QStringLiteral("%1: %2 00000000:0000 %3 00000000:00000000 00:00000000 "
                                          "00000000  1000        0 %4 1 0000000000000000 100 0 "
                                          "0 10 0\n")
                               .arg(m_tables[table].count(QLatin1Char('\n')), 4)
                               .arg(QLatin1String(local), QLatin1String(state))
                               .arg(inode);
    }
    void addRawLine(const QString &table, const QString &line) { m_tables[table] += line + u'\n'; }

    bool addProcess(int pid, const QByteArray &comm, const QByteArray &cmdline,
                    const QList<QByteArray> &fdTargets)
    {
        const QString dir = pidDir(pid);
        if (!QDir().mkpath(dir + QStringLiteral("/fd")))
            return false;
        if (!comm.isNull() && !write(dir + QStringLiteral("/comm"), comm))
            return false;
        if (!write(dir + QStringLiteral("/cmdline"), cmdline))
            return false;
        int fd = 0;
        for (const QByteArray &target : fdTargets) {
            const QByteArray link =
                QFile::encodeName(dir + QStringLiteral("/fd/")) + QByteArray::number(fd++);
            if (::symlink(target.constData(), link.constData()) != 0)
                return false;
        }
        return true;
    }

    // The fd table of another user's process cannot be opened. Tests usually run as root
    // here, where permission bits do not apply, so then make opendir() fail another way.
    bool makeFdUnreadable(int pid)
    {
        const QString fdDir = pidDir(pid) + QStringLiteral("/fd");
        QFile::setPermissions(fdDir, QFileDevice::Permissions());
        if (::access(QFile::encodeName(fdDir).constData(), R_OK) != 0)
            return true;
        QFile::setPermissions(fdDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                         QFileDevice::ExeOwner);
        return QDir(fdDir).removeRecursively() && write(fdDir, "not a directory");
    }

    bool flush()
    {
        for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it) {
            const QString header = QStringLiteral(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
                "   uid  timeout inode\n");
            if (!write(m_root + QStringLiteral("/net/") + it.key(),
                       (header + it.value()).toLatin1()))
                return false;
        }
        return true;
    }

private:
    QString pidDir(int pid) const { return m_root + u'/' + QString::number(pid); }
    static bool write(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    }

    QString m_root;
    QMap<QString, QString> m_tables;
};

} // namespace

class tst_PortOwner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // Parsing and matching on a fake /proc tree.
    void parseAddress_data();
    void parseAddress();
    void fakeProc_data();
    void fakeProc();
    void fakeProcMissingRoot();
    void describe();

    // Real sockets on loopback.
    void ownTcpListener();
    void otherAddressDoesNotMatch();
    void pythonListener();
    void udpSocket();
    void freePort();
    void ipv6Loopback();

private:
    QTemporaryDir m_fakeDir;
    QString m_fakeRoot;
};

void tst_PortOwner::initTestCase()
{
    QVERIFY(m_fakeDir.isValid());
    m_fakeRoot = m_fakeDir.filePath(QStringLiteral("proc"));
    FakeProc proc(m_fakeRoot);

    const QString tcp = QStringLiteral("tcp");
    const QString tcp6 = QStringLiteral("tcp6");
    proc.addRawLine(tcp, QStringLiteral("garbage"));
    proc.addRawLine(tcp, QStringLiteral("   9: 0100007F:1F96 00000000:0000 0A")); // truncated
    proc.addSocket(tcp, "0100007F:1F91", "0A", 4001); // 127.0.0.1:8081 listen
    proc.addSocket(tcp, "0100007F:1F92", "01", 4002); // 127.0.0.1:8082 established only
    proc.addSocket(tcp, "00000000:1F93", "0A", 4003); // 0.0.0.0:8083
    proc.addSocket(tcp, "0200007F:1F94", "0A", 4004); // 127.0.0.2:8084
    proc.addSocket(tcp, "0100007F:1F95", "0A", 4005); // 127.0.0.1:8085, owner unreadable
    proc.addSocket(tcp, "0100007F:1F96", "0A", 0);    // inode 0: orphaned
    proc.addSocket(tcp, "00000000:1FA2", "0A", 4010); // 0.0.0.0:8098 (wildcard listed first)
    proc.addSocket(tcp, "0100007F:1FA2", "0A", 4011); // 127.0.0.1:8098
    proc.addSocket(tcp, "0100007F:1FA3", "0A", 4012); // 127.0.0.1:8099, no owner at all
    proc.addSocket(tcp6, "0000000000000000FFFF00000100007F:1F90", "0A", 5000); // ::ffff:127.0.0.1
    proc.addSocket(tcp6, "00000000000000000000000001000000:1F97", "0A", 5001); // [::1]:8087
    proc.addSocket(tcp6, "00000000000000000000000000000000:1F98", "0A", 5002); // [::]:8088
    proc.addSocket(QStringLiteral("udp"), "0100007F:1F99", "07", 6001);        // 127.0.0.1:8089
    // no udp6 file at all
    QVERIFY(proc.flush());

    QVERIFY(proc.addProcess(101, "v4srv\n", QByteArray("v4srv\0", 6),
                            {"/dev/null", "pipe:[77]", "socket:[4001]", "socket:[4002]",
                             "socket:[4004]", "socket:[5001]", "socket:[6001]", "socket:[4011]"}));
    QVERIFY(proc.addProcess(102, QByteArray(),
                            QByteArray("/usr/sbin/fake-daemon\0--port\0008083\0", 34),
                            {"socket:[4003]", "socket:[5002]", "socket:[4010]"}));
    QVERIFY(proc.addProcess(103, "secret\n", QByteArray(), {"socket:[4005]"}));
    QVERIFY(proc.makeFdUnreadable(103));
    // A listener shared across fork(): the parent (lower pid) is reported.
    QVERIFY(proc.addProcess(105, "mapped-child\n", QByteArray(), {"socket:[5000]"}));
    QVERIFY(proc.addProcess(104, "mapped\n", QByteArray(), {"socket:[5000]"}));
    QVERIFY(proc.addProcess(106, "", QByteArray(), {"socket:[999]"})); // empty comm + cmdline
    QVERIFY(QDir(m_fakeRoot).mkpath(QStringLiteral("self/fd")));       // not a pid: ignored
}

void tst_PortOwner::cleanupTestCase()
{
    QFile::setPermissions(m_fakeRoot + QStringLiteral("/103/fd"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void tst_PortOwner::parseAddress_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");

    QTest::newRow("ipv4 loopback")
        << QByteArray("0100007F:0050") << true << QStringLiteral("127.0.0.1") << 80;
    QTest::newRow("ipv4 any") << QByteArray("00000000:FFFF") << true << QStringLiteral("0.0.0.0")
                              << 65535;
    QTest::newRow("ipv4 private") << QByteArray("0101A8C0:2328") << true
                                  << QStringLiteral("192.168.1.1") << 9000;
    QTest::newRow("ipv6 loopback") << QByteArray("00000000000000000000000001000000:0016") << true
                                   << QStringLiteral("::1") << 22;
    QTest::newRow("ipv6 any") << QByteArray("00000000000000000000000000000000:0001") << true
                              << QStringLiteral("::") << 1;
    QTest::newRow("v4-mapped") << QByteArray("0000000000000000FFFF00000100007F:1F90") << true
                               << QStringLiteral("::ffff:127.0.0.1") << 8080;
    QTest::newRow("ipv6 global") << QByteArray("B80D0120000000000000000001000000:01BB") << true
                                 << QStringLiteral("2001:db8::1") << 443;
    QTest::newRow("lowercase hex")
        << QByteArray("0100007f:01bb") << true << QStringLiteral("127.0.0.1") << 443;
    QTest::newRow("empty") << QByteArray() << false << QString() << 0;
    QTest::newRow("no colon") << QByteArray("0100007F") << false << QString() << 0;
    QTest::newRow("short address") << QByteArray("100007F:0050") << false << QString() << 0;
    QTest::newRow("bad hex") << QByteArray("0100007G:0050") << false << QString() << 0;
    QTest::newRow("bad port") << QByteArray("0100007F:00Z0") << false << QString() << 0;
    QTest::newRow("long port") << QByteArray("0100007F:00500") << false << QString() << 0;
    QTest::newRow("bad ipv6 word")
        << QByteArray("000000000000000000000000010000XX:0016") << false << QString() << 0;
}

void tst_PortOwner::parseAddress()
{
    QFETCH(QByteArray, field);
    QFETCH(bool, ok);
    QFETCH(QString, address);
    QFETCH(int, port);

    QHostAddress parsedAddress;
    quint16 parsedPort = 0;
    QCOMPARE(PortOwnerLookup::parseProcNetAddress(field, &parsedAddress, &parsedPort), ok);
    if (!ok)
        return;
    QCOMPARE(parsedAddress, QHostAddress(address));
    QCOMPARE(parsedPort, quint16(port));
}

void tst_PortOwner::fakeProc_data()
{
    QTest::addColumn<bool>("udp");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("query"); // empty: any address
    QTest::addColumn<bool>("socketFound");
    QTest::addColumn<int>("pid"); // -1: owner not identified
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("bound");

    const QString none;
    const QString lo = QStringLiteral("127.0.0.1");
    QTest::newRow("ipv4 listener")
        << false << 8081 << lo << true << 101 << QStringLiteral("v4srv") << lo;
    QTest::newRow("ipv4 listener, any query")
        << false << 8081 << none << true << 101 << QStringLiteral("v4srv") << lo;
    QTest::newRow("ipv4 listener, 0.0.0.0 query") << false << 8081 << QStringLiteral("0.0.0.0")
                                                  << true << 101 << QStringLiteral("v4srv") << lo;
    QTest::newRow("established is not listening")
        << false << 8082 << none << false << -1 << none << none;
    QTest::newRow("wildcard covers loopback, cmdline fallback")
        << false << 8083 << lo << true << 102 << QStringLiteral("fake-daemon")
        << QStringLiteral("0.0.0.0");
    QTest::newRow("ipv4 wildcard does not cover ::1")
        << false << 8083 << QStringLiteral("::1") << false << -1 << none << none;
    QTest::newRow("other specific address") << false << 8084 << lo << false << -1 << none << none;
    QTest::newRow("other specific address, any query")
        << false << 8084 << none << true << 101 << QStringLiteral("v4srv")
        << QStringLiteral("127.0.0.2");
    QTest::newRow("owner unreadable") << false << 8085 << lo << true << -1 << none << lo;
    QTest::newRow("owner gone") << false << 8099 << lo << true << -1 << none << lo;
    QTest::newRow("inode 0 ignored") << false << 8086 << none << false << -1 << none << none;
    QTest::newRow("exact beats wildcard")
        << false << 8098 << lo << true << 101 << QStringLiteral("v4srv") << lo;
    QTest::newRow("v4-mapped, ipv4 query")
        << false << 8080 << lo << true << 104 << QStringLiteral("mapped")
        << QStringLiteral("::ffff:127.0.0.1");
    QTest::newRow("v4-mapped, mapped query")
        << false << 8080 << QStringLiteral("::ffff:127.0.0.1") << true << 104
        << QStringLiteral("mapped") << QStringLiteral("::ffff:127.0.0.1");
    QTest::newRow("ipv6 loopback") << false << 8087 << QStringLiteral("::1") << true << 101
                                   << QStringLiteral("v4srv") << QStringLiteral("::1");
    QTest::newRow("::1 is not 127.0.0.1") << false << 8087 << lo << false << -1 << none << none;
    QTest::newRow("ipv6 wildcard is dual-stack")
        << false << 8088 << lo << true << 102 << QStringLiteral("fake-daemon")
        << QStringLiteral("::");
    QTest::newRow("udp") << true << 8089 << lo << true << 101 << QStringLiteral("v4srv") << lo;
    QTest::newRow("udp port is not tcp") << false << 8089 << lo << false << -1 << none << none;
    QTest::newRow("tcp port is not udp") << true << 8081 << lo << false << -1 << none << none;
    QTest::newRow("port 0") << false << 0 << none << false << -1 << none << none;
}

void tst_PortOwner::fakeProc()
{
    QFETCH(bool, udp);
    QFETCH(int, port);
    QFETCH(QString, query);
    QFETCH(bool, socketFound);
    QFETCH(int, pid);
    QFETCH(QString, name);
    QFETCH(QString, bound);

    const PortOwnerLookup lookup(m_fakeRoot);
    QCOMPARE(lookup.procRoot(), m_fakeRoot);
    const PortOwner owner = lookup.find(udp ? PortProtocol::Udp : PortProtocol::Tcp, quint16(port),
                                        query.isEmpty() ? QHostAddress() : QHostAddress(query));
    QCOMPARE(owner.port, quint16(port));
    QCOMPARE(owner.protocol, udp ? PortProtocol::Udp : PortProtocol::Tcp);
    QCOMPARE(owner.socketFound, socketFound);
    QCOMPARE(owner.found, pid >= 0);
    QCOMPARE(owner.pid, qint64(pid));
    QCOMPARE(owner.processName, name);
    QCOMPARE(owner.localAddress, bound.isEmpty() ? QHostAddress() : QHostAddress(bound));
    // pid 103's fd table is always unreadable, so every lookup that scanned sees it.
    QCOMPARE(owner.accessDenied, socketFound);
}

void tst_PortOwner::fakeProcMissingRoot()
{
    const PortOwnerLookup lookup(m_fakeDir.filePath(QStringLiteral("does-not-exist")));
    const PortOwner owner = lookup.find(PortProtocol::Tcp, 8081);
    QVERIFY(!owner.socketFound);
    QVERIFY(!owner.found);
    QCOMPARE(owner.pid, -1);
    QVERIFY(!PortOwnerLookup::describe(owner).isEmpty());
}

void tst_PortOwner::describe()
{
    const PortOwnerLookup lookup(m_fakeRoot);
    const PortOwner daemon = lookup.find(PortProtocol::Tcp, 8083);
    QCOMPARE(daemon.commandLine, QStringLiteral("/usr/sbin/fake-daemon --port 8083"));
    QCOMPARE(PortOwnerLookup::describe(daemon),
             QStringLiteral("Port 8083 is already in use by fake-daemon (pid 102)."));

    PortOwner python;
    python.port = 9000;
    python.socketFound = python.found = true;
    python.pid = 4242;
    python.processName = QStringLiteral("python3");
    QCOMPARE(PortOwnerLookup::describe(python),
             QStringLiteral("Port 9000 is already in use by python3 (pid 4242)."));

    python.processName.clear();
    QCOMPARE(PortOwnerLookup::describe(python),
             QStringLiteral("Port 9000 is already in use by process 4242."));

    const PortOwner hidden = lookup.find(PortProtocol::Tcp, 8085);
    QCOMPARE(PortOwnerLookup::describe(hidden),
             QStringLiteral("Port 8085 is already in use by another program (its owner could "
                            "not be determined; it may belong to another user)."));

    PortOwner unknown;
    unknown.port = 9000;
    QCOMPARE(PortOwnerLookup::describe(unknown),
             QStringLiteral("Port 9000 is already in use by another program (its owner could "
                            "not be determined)."));
}

void tst_PortOwner::ownTcpListener()
{
    QTcpServer server;
    QVERIFY(server.listen(kLoopback4, 0));

    QElapsedTimer timer;
    timer.start();
    const PortOwner owner =
        PortOwnerLookup().find(PortProtocol::Tcp, server.serverPort(), kLoopback4);
    qDebug("lookup on the real /proc took %lld ms", timer.elapsed());

    QVERIFY(owner.socketFound);
    QVERIFY(owner.found);
    QCOMPARE(owner.pid, QCoreApplication::applicationPid());
    QCOMPARE(owner.processName, ownComm());
    QCOMPARE(owner.processName, QStringLiteral("tst_portowner"));
    QCOMPARE(owner.localAddress, kLoopback4);
    QVERIFY(owner.commandLine.contains(QStringLiteral("tst_portowner")));

    // Without an address, and with the wildcard the app would bind to.
    const PortOwner anyOwner = PortOwnerLookup().find(PortProtocol::Tcp, server.serverPort());
    QCOMPARE(anyOwner.pid, owner.pid);
    QCOMPARE(PortOwnerLookup::describe(owner),
             QStringLiteral("Port %1 is already in use by tst_portowner (pid %2).")
                 .arg(server.serverPort())
                 .arg(owner.pid));
}

void tst_PortOwner::otherAddressDoesNotMatch()
{
    QTcpServer server;
    QVERIFY(server.listen(kLoopback4, 0));
    const PortOwner owner = PortOwnerLookup().find(PortProtocol::Tcp, server.serverPort(),
                                                   QHostAddress(QStringLiteral("127.0.0.2")));
    QVERIFY(!owner.socketFound);
    QVERIFY(!owner.found);
}

void tst_PortOwner::pythonListener()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 is not installed");

    QProcess process;
    process.setProgram(QStringLiteral("python3"));
    process.setArguments(
        {QStringLiteral("-c"), QStringLiteral("import socket, time\n"
                                              "s = socket.socket()\n"
                                              "s.bind(('127.0.0.1', 0))\n"
                                              "s.listen()\n"
                                              "print(s.getsockname()[1], flush=True)\n"
                                              "time.sleep(60)\n")});
    process.start();
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 15000);
    bool ok = false;
    const quint16 port = process.readLine().trimmed().toUShort(&ok);
    QVERIFY(ok && port != 0);

    const qint64 pythonPid = process.processId();
    QVERIFY(pythonPid > 0);
    const PortOwner owner = PortOwnerLookup().find(PortProtocol::Tcp, port, kLoopback4);
    process.kill();
    process.waitForFinished(5000);

    QVERIFY(owner.found);
    QCOMPARE(owner.pid, pythonPid);
    QCOMPARE(owner.processName, QStringLiteral("python3"));
    QCOMPARE(owner.localAddress, kLoopback4);
    QCOMPARE(
        PortOwnerLookup::describe(owner),
        QStringLiteral("Port %1 is already in use by python3 (pid %2).").arg(port).arg(owner.pid));
}

void tst_PortOwner::udpSocket()
{
    // A UDP port whose TCP twin nobody holds (checked by listening on it briefly), so that
    // the TCP lookup below has exactly one right answer.
    QUdpSocket socket;
    quint16 port = 0;
    for (int attempt = 0; attempt < 20 && !port; ++attempt) {
        socket.close();
        QVERIFY(socket.bind(kLoopback4, 0));
        QTcpServer probe;
        if (probe.listen(kLoopback4, socket.localPort()))
            port = socket.localPort();
    }
    QVERIFY2(port, "no UDP port with a free TCP twin");

    const PortOwner owner = PortOwnerLookup().find(PortProtocol::Udp, port, kLoopback4);
    QVERIFY(owner.found);
    QCOMPARE(owner.protocol, PortProtocol::Udp);
    QCOMPARE(owner.pid, QCoreApplication::applicationPid());
    QCOMPARE(owner.localAddress, kLoopback4);

    // The same number under TCP is a different, free port: the UDP socket is not reported.
    const PortOwner tcp = PortOwnerLookup().find(PortProtocol::Tcp, port, kLoopback4);
    QVERIFY(!tcp.socketFound);
    QVERIFY(!tcp.found);
    QCOMPARE(tcp.pid, -1);
}

void tst_PortOwner::freePort()
{
    const quint16 port = freeTcpPort();
    QVERIFY(port != 0);
    const PortOwner owner = PortOwnerLookup().find(PortProtocol::Tcp, port, kLoopback4);
    QVERIFY(!owner.socketFound);
    QVERIFY(!owner.found);
    QCOMPARE(owner.pid, -1);
    QVERIFY(owner.processName.isEmpty());
}

void tst_PortOwner::ipv6Loopback()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHostIPv6, 0))
        QSKIP(qPrintable(QStringLiteral("no IPv6 loopback here: ") + server.errorString()));

    const PortOwner owner =
        PortOwnerLookup().find(PortProtocol::Tcp, server.serverPort(), QHostAddress::LocalHostIPv6);
    QVERIFY(owner.found);
    QCOMPARE(owner.pid, QCoreApplication::applicationPid());
    QCOMPARE(owner.localAddress, QHostAddress(QHostAddress::LocalHostIPv6));

    // ::1 does not block 127.0.0.1, and asked about 127.0.0.1 the lookup reports the
    // listener there, not the one on ::1.
    const PortOwner freeV4 =
        PortOwnerLookup().find(PortProtocol::Tcp, server.serverPort(), kLoopback4);
    QTcpServer v4Server;
    QVERIFY2(v4Server.listen(kLoopback4, server.serverPort()), qPrintable(v4Server.errorString()));
    QVERIFY(!freeV4.socketFound);
    QVERIFY(!freeV4.found);
    const PortOwner v4 = PortOwnerLookup().find(PortProtocol::Tcp, server.serverPort(), kLoopback4);
    QVERIFY(v4.found);
    QCOMPARE(v4.pid, QCoreApplication::applicationPid());
    QCOMPARE(v4.localAddress, kLoopback4);
}

QTEST_GUILESS_MAIN(tst_PortOwner)
#include "tst_portowner.moc"
