#pragma once

#include <QAbstractSocket>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QSocketNotifier;
class QTcpServer;

namespace sockscope {

class TcpLink;

// A listening TCP socket that hands every accepted connection over as a TcpLink.
//
// On Unix it accepts by itself, on a notifier for the listening socket: Qt 6.4's QTcpServer
// retries an accept() that fails with EMFILE in a busy loop, at full CPU, and never says so;
// the waiting clients hang. Out of descriptors, it keeps a spare one (on /dev/null) to accept
// and close the waiting client with (refused(): the client sees the connection closed, not
// a hang), and accepts again once descriptors are free. At most AcceptBatch connections per
// wake-up, so a connect storm does not starve the event loop.
class TcpListener : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpListener)

public:
    static constexpr int AcceptBatch = 128;
    // After an accept error that refusing cannot clear, the socket is polled again this late.
    static constexpr int AcceptRetryMs = 200;

    explicit TcpListener(QObject *parent = nullptr);
    ~TcpListener() override;

    // False, with serverError(), when the address cannot be listened on.
    bool listen(const QHostAddress &address, quint16 port, int backlog);
    QAbstractSocket::SocketError serverError() const;
    void close();
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

signals:
    // A new connection; the link's parent is this listener until the receiver takes it.
    // A receiver that does not want it deletes it (the connection closes quietly).
    void accepted(sockscope::TcpLink *link);
    // Out of file descriptors: this client was accepted and closed at once.
    void refused(const QHostAddress &address, quint16 port);
    // Accepting failed (the first of a series; the next one is said after an accept
    // succeeded); accepting goes on after AcceptRetryMs.
    void acceptFailed(const QString &why);

private:
    void acceptPending();
    void acceptReady();
    bool refuseWithSpareDescriptor();
    void failAccept(const QString &why);
    void stopAccepting();
    void hand(TcpLink *link);

    QTcpServer *m_server;
    QSocketNotifier *m_acceptNotifier = nullptr;
    int m_spareFd = -1;
    QTimer m_resumeTimer;
    bool m_acceptFailing = false;
};

} // namespace sockscope
