// Loopback integration tests for TcpClientSession: real sockets on 127.0.0.1
// only, against an in-process QTcpServer or a python3 server from tests/peers.

#include "core/codec/textcodec.h"
#include "core/log/logrecord.h"
#include "core/transport/tcpclientsession.h"

#include "acceptnext.h"
#include "gbk.h"
#include "loopback.h"
#include "pythonpeer.h"
#include "recordlog.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

#include <sys/socket.h>

using namespace sockscope;
using namespace sockscope::test;

using Connection = TcpClientSession::Connection;

namespace {

std::unique_ptr<TcpClientSession> makeClient(quint16 port,
                                             const QString &host = QStringLiteral("127.0.0.1"))
{
    auto client = std::make_unique<TcpClientSession>();
    TcpClientSession::Options o;
    o.host = host;
    o.port = port;
    client->setOptions(o);
    client->setBatchInterval(5);
    return client;
}

QList<Connection> connections(const QSignalSpy &spy)
{
    QList<Connection> out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).value<Connection>());
    return out;
}

} // namespace

class tst_TcpClientSession : public QObject
{
    Q_OBJECT

private slots:
    void exchangeAndPeerClose();
    void serverResetsConnection();
    void gbkServerRepliesAndCloses();
    void refused();
    void hostNotFound();
    void autoReconnect();
    void localBindPort();
    void localPortReconnectsAfterClosingFirst();
    void bindFailureKeepsReconnecting();
    void stopIsLocalClose();
};

void tst_TcpClientSession::exchangeAndPeerClose()
{
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, 0));
    auto client = makeClient(server.serverPort());
    RecordLog log(client.get());
    QSignalSpy changes(client.get(), &TcpClientSession::connectionChanged);
    QSignalSpy closed(client.get(), &Session::peerClosed);

    // Nothing to send to before connecting.
    QVERIFY(!client->send("early").ok());

    client->start();
    QCOMPARE(client->connection(), Connection::Connecting);
    QCOMPARE(client->state(), Session::State::Starting);
    QTRY_COMPARE(client->connection(), Connection::Connected);
    QCOMPARE(client->state(), Session::State::Active);
    std::unique_ptr<QTcpSocket> accepted(acceptNext(server));
    QVERIFY(accepted);

    const quint32 id = client->currentPeer();
    QVERIFY(id != 0);
    const PeerInfo *p = client->peer(id);
    QCOMPARE(p->address, kLoopback);
    QCOMPARE(p->port, server.serverPort());
    // "Connected to 127.0.0.1:<server> from 127.0.0.1:<local>"
    QVERIFY2(client->stateText().endsWith(QStringLiteral(":%1").arg(accepted->peerPort())),
             qPrintable(client->stateText()));

    QVERIFY(!client->send(QByteArray()).ok());
    const Session::SendResult r = client->send("hello, server");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.peers, 1);
    QTRY_COMPARE(accepted->bytesAvailable(), 13);
    QCOMPARE(accepted->readAll(), QByteArray("hello, server"));
    QTRY_COMPARE(client->peer(id)->txBytes, 13);

    accepted->write("hello, client");
    QTRY_COMPARE(client->peer(id)->rxBytes, 13);
    client->flushRecords();
    QCOMPARE(log.bytes(id, LogRecord::Kind::Rx), QByteArray("hello, client"));
    QCOMPARE(log.bytes(id, LogRecord::Kind::Tx), QByteArray("hello, server"));

    // The server hangs up: an orderly close by the peer.
    accepted->disconnectFromHost();
    QTRY_COMPARE(client->connection(), Connection::Closed);
    QCOMPARE(closed.count(), 1);
    QCOMPARE(client->lastCloseReason(), CloseReason::PeerClosed);
    QCOMPARE(client->peer(id)->closeReason, CloseReason::PeerClosed);
    QVERIFY(!client->peer(id)->isOpen());
    QCOMPARE(client->currentPeer(), 0u);
    QCOMPARE(client->state(), Session::State::Idle);
    QCOMPARE(client->openPeerCount(), 0);

    const QList<Connection> seen = connections(changes);
    QVERIFY(seen.size() >= 3);
    QCOMPARE(seen.at(0), Connection::Connecting);
    QCOMPARE(seen.at(1), Connection::Connected);
    QCOMPARE(seen.last(), Connection::Closed);
    for (int i = 2; i < seen.size() - 1; ++i)
        QCOMPARE(seen.at(i), Connection::Closing);

    QVERIFY(!client->send("late").ok());
    QCOMPARE(client->rxBytesTotal(), 13);
    QCOMPARE(client->txBytesTotal(), 13);
}

// The server's last words, then an RST (SO_LINGER 0): reported as a reset, not as an
// orderly close, with every byte before it counted.
void tst_TcpClientSession::serverResetsConnection()
{
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, 0));
    auto client = makeClient(server.serverPort());
    RecordLog log(client.get());
    client->start();
    QTRY_COMPARE(client->connection(), Connection::Connected);
    std::unique_ptr<QTcpSocket> accepted(acceptNext(server));
    QVERIFY(accepted);
    const quint32 id = client->currentPeer();

    accepted->write("bye");
    QVERIFY(accepted->waitForBytesWritten(5000));
    QTRY_COMPARE(client->peer(id)->rxBytes, 3);
    const linger hardClose{1, 0};
    QCOMPARE(::setsockopt(int(accepted->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hardClose,
                          sizeof hardClose),
             0);
    accepted->abort();

    QTRY_COMPARE(client->connection(), Connection::Closed);
    QCOMPARE(client->lastCloseReason(), CloseReason::Reset);
    QCOMPARE(client->peer(id)->closeReason, CloseReason::Reset);
    QVERIFY2(client->stateText().contains(QLatin1String("reset")), qPrintable(client->stateText()));
    QCOMPARE(client->state(), Session::State::Idle);
    QCOMPARE(client->rxBytesTotal(), 3);
    client->flushRecords();
    QCOMPARE(log.bytes(id, LogRecord::Kind::Rx), QByteArray("bye"));
}

void tst_TcpClientSession::gbkServerRepliesAndCloses()
{
    const QString question = QStringLiteral("你好服务端,我是客户端小黑!");
    const QString answer = QStringLiteral("ok, 问题正在处理中...");
    QProcess server;
    server.start(QStringLiteral("python3"), {peerScript("gbk_server.py"), question});
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    const QString portLine = QString::fromUtf8(server.readLine()).trimmed();
    QVERIFY2(portLine.startsWith(QLatin1String("PORT ")), qPrintable(portLine));
    const quint16 port = portLine.mid(5).toUShort();

    auto client = makeClient(port);
    RecordLog log(client.get());
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->connection(), Connection::Connected, 10000);
    const quint32 id = client->currentPeer();
    QVERIFY(client->send(gbk(question)).ok());

    QTRY_COMPARE_WITH_TIMEOUT(client->connection(), Connection::Closed, 10000);
    QTRY_COMPARE(server.state(), QProcess::NotRunning);
    QVERIFY2(server.exitCode() == 0, server.readAllStandardError().constData());
    QCOMPARE(QString::fromUtf8(server.readAllStandardOutput()).trimmed(),
             QStringLiteral("GOT ") + question);

    client->flushRecords();
    const QByteArray reply = gbk(answer);
    QCOMPARE(log.bytes(id, LogRecord::Kind::Rx), reply);
    StreamDecoder decoder(Encoding::Gbk);
    QString text;
    for (const LogRecord &r : log.of(id, LogRecord::Kind::Rx))
        decoder.decode(r.bytes, text);
    decoder.finish(text);
    QCOMPARE(text, answer);

    // The zero-length read is shown as the server closing the connection.
    const PeerInfo *p = client->peer(id);
    QCOMPARE(p->rxBytes, reply.size());
    QCOMPARE(p->txBytes, gbk(question).size());
    QCOMPARE(p->closeReason, CloseReason::PeerClosed);
    QCOMPARE(client->lastCloseReason(), CloseReason::PeerClosed);
    QVERIFY(log.hasEvent(id, QStringLiteral("closed the connection")));
    QCOMPARE(client->state(), Session::State::Idle);
}

void tst_TcpClientSession::refused()
{
    const quint16 port = freeTcpPort();
    QVERIFY(port != 0);
    auto client = makeClient(port);
    QSignalSpy errors(client.get(), &Session::errorOccurred);
    QSignalSpy opened(client.get(), &Session::peerOpened);
    client->start();
    QTRY_COMPARE(client->state(), Session::State::Failed);
    QCOMPARE(client->connection(), Connection::Closed);
    QCOMPARE(client->lastCloseReason(), CloseReason::Refused);
    QCOMPARE(errors.count(), 1);
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(message));
    QVERIFY2(message.contains(QString::number(port)), qPrintable(message));
    QCOMPARE(opened.count(), 0);
    QVERIFY(client->peerIds().isEmpty());
    // No retry without auto-reconnect.
    QTest::qWait(100);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(client->connection(), Connection::Closed);
}

void tst_TcpClientSession::hostNotFound()
{
    // ".invalid" never resolves (RFC 6761); the lookup may still ask the configured resolver.
    auto client = makeClient(9, QStringLiteral("nosuch.invalid"));
    QSignalSpy errors(client.get(), &Session::errorOccurred);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Session::State::Failed, 15000);
    QCOMPARE(client->lastCloseReason(), CloseReason::HostNotFound);
    QCOMPARE(client->connection(), Connection::Closed);
    QCOMPARE(errors.count(), 1);
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("nosuch.invalid")), qPrintable(message));
    QVERIFY(client->peerIds().isEmpty());
}

void tst_TcpClientSession::autoReconnect()
{
    const quint16 port = freeTcpPort();
    QVERIFY(port != 0);
    auto client = makeClient(port);
    TcpClientSession::Options o = client->options();
    o.autoReconnect = true;
    o.reconnectInitialMs = 40;
    o.reconnectMaxMs = 320;
    client->setOptions(o);
    QSignalSpy errors(client.get(), &Session::errorOccurred);
    QSignalSpy opened(client.get(), &Session::peerOpened);
    client->start();

    // Refused attempts are retried with back-off: 40, 80, 160, 320, 320 ms...
    QTRY_VERIFY_WITH_TIMEOUT(errors.count() >= 3, 5000);
    QCOMPARE(client->lastCloseReason(), CloseReason::Refused);
    QVERIFY(client->state() == Session::State::Starting);
    QCOMPARE(client->reconnectDelayMs(), 320);
    QCOMPARE(opened.count(), 0);

    // The server appears; the next attempt connects.
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, port));
    QTRY_COMPARE_WITH_TIMEOUT(client->connection(), Connection::Connected, 5000);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(client->reconnectDelayMs(), 40); // back-off starts over
    std::unique_ptr<QTcpSocket> first(acceptNext(server));
    QVERIFY(first);
    const quint32 firstPeer = client->currentPeer();

    // The server drops the connection: the client comes back by itself.
    first->disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 5000);
    QTRY_COMPARE(client->connection(), Connection::Connected);
    QCOMPARE(client->peer(firstPeer)->closeReason, CloseReason::PeerClosed);
    QVERIFY(client->currentPeer() != firstPeer);
    std::unique_ptr<QTcpSocket> second(acceptNext(server));
    QVERIFY(second);

    // Stopping ends the retries.
    client->stop();
    QTRY_COMPARE(client->connection(), Connection::Closed);
    QCOMPARE(client->lastCloseReason(), CloseReason::LocalClose);
    QTest::qWait(200);
    QVERIFY(!server.hasPendingConnections());
    QCOMPARE(opened.count(), 2);
    QCOMPARE(client->state(), Session::State::Idle);
}

void tst_TcpClientSession::localBindPort()
{
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, 0));
    const quint16 local = freeTcpPort();
    QVERIFY(local != 0);
    auto client = makeClient(server.serverPort());
    TcpClientSession::Options o = client->options();
    o.localAddress = kLoopback;
    o.localPort = local;
    client->setOptions(o);
    client->start();
    QTRY_COMPARE(client->connection(), Connection::Connected);
    std::unique_ptr<QTcpSocket> accepted(acceptNext(server));
    QVERIFY(accepted);
    QCOMPARE(accepted->peerPort(), local);
    QCOMPARE(accepted->peerAddress(), kLoopback);
    QVERIFY(client->stateText().contains(QString::number(local)));
    QVERIFY(client->send("x").ok());
    QTRY_COMPARE(accepted->bytesAvailable(), 1);
    QCOMPARE(accepted->readAll(), QByteArray("x"));

    // The same local port while it is in use: the bind fails and says so.
    QTcpServer holder;
    QVERIFY(holder.listen(kLoopback, 0));
    auto second = makeClient(server.serverPort());
    o.localPort = holder.serverPort();
    second->setOptions(o);
    QSignalSpy errors(second.get(), &Session::errorOccurred);
    second->start();
    QTRY_COMPARE(second->state(), Session::State::Failed);
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(QString::number(holder.serverPort())),
             qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(second->connection(), Connection::Closed);
}

// The client closes first, so its fixed local port sits in TIME_WAIT for a minute;
// connecting again from that port must work at once.
void tst_TcpClientSession::localPortReconnectsAfterClosingFirst()
{
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, 0));
    const quint16 local = freeTcpPort();
    QVERIFY(local != 0);
    auto client = makeClient(server.serverPort());
    TcpClientSession::Options o = client->options();
    o.localAddress = kLoopback;
    o.localPort = local;
    client->setOptions(o);
    for (int round = 0; round < 2; ++round) {
        client->start();
        QTRY_COMPARE(client->connection(), Connection::Connected);
        std::unique_ptr<QTcpSocket> accepted(acceptNext(server));
        QVERIFY(accepted);
        QCOMPARE(accepted->peerPort(), local);
        client->stop(); // we close first: our side of the connection enters TIME_WAIT
        QTRY_COMPARE(client->connection(), Connection::Closed);
        QTRY_COMPARE(accepted->state(), QAbstractSocket::UnconnectedState);
    }
    QCOMPARE(client->state(), Session::State::Idle);
}

// With auto-reconnect, a local port that cannot be bound right now is retried like a
// refused connection, with the reason shown; it connects once the port is free.
void tst_TcpClientSession::bindFailureKeepsReconnecting()
{
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, 0));
    auto holder = std::make_unique<QTcpServer>();
    QVERIFY(holder->listen(kLoopback, 0)); // a listening socket blocks the bind, reuse or not
    const quint16 local = holder->serverPort();
    auto client = makeClient(server.serverPort());
    TcpClientSession::Options o = client->options();
    o.localAddress = kLoopback;
    o.localPort = local;
    o.autoReconnect = true;
    o.reconnectInitialMs = 40;
    o.reconnectMaxMs = 80;
    client->setOptions(o);
    QSignalSpy errors(client.get(), &Session::errorOccurred);
    client->start();

    QTRY_VERIFY_WITH_TIMEOUT(errors.count() >= 2, 5000);
    QCOMPARE(client->state(), Session::State::Starting);
    QVERIFY2(client->stateText().contains(QString::number(local)), qPrintable(client->stateText()));
    QVERIFY2(errors.at(0).at(0).toString().contains(QString::number(local)),
             qPrintable(errors.at(0).at(0).toString()));

    holder.reset();
    QTRY_COMPARE_WITH_TIMEOUT(client->connection(), Connection::Connected, 5000);
    std::unique_ptr<QTcpSocket> accepted(acceptNext(server));
    QVERIFY(accepted);
    QCOMPARE(accepted->peerPort(), local);
    client->stop();
}

void tst_TcpClientSession::stopIsLocalClose()
{
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, 0));
    auto client = makeClient(server.serverPort());
    client->start();
    QTRY_COMPARE(client->connection(), Connection::Connected);
    std::unique_ptr<QTcpSocket> accepted(acceptNext(server));
    QVERIFY(accepted);
    const quint32 id = client->currentPeer();

    // Pending writes are flushed before the close.
    const QByteArray payload(256 * 1024, 'q');
    QVERIFY(client->send(payload).ok());
    client->stop();
    QTRY_COMPARE(client->connection(), Connection::Closed);
    QCOMPARE(client->lastCloseReason(), CloseReason::LocalClose);
    QCOMPARE(client->peer(id)->closeReason, CloseReason::LocalClose);
    QByteArray got;
    QTRY_COMPARE_WITH_TIMEOUT((got += accepted->readAll()).size(), payload.size(), 5000);
    QCOMPARE(got, payload);
    QCOMPARE(client->peer(id)->txBytes, payload.size());
    QTRY_COMPARE(accepted->state(), QAbstractSocket::UnconnectedState);
}

QTEST_GUILESS_MAIN(tst_TcpClientSession)
#include "tst_tcpclientsession.moc"
