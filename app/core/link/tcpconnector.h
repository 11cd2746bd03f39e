#pragma once

#include "core/net/closereason.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace sockscope {

class TcpLink;

// One outgoing TCP connection attempt that ends as a TcpLink or as a failure in words:
// host name lookup, optional local bind, connect, timeout (Qt's QTcpSocket does the first
// three; the connection then moves into a link, see TcpLink::adopt).
class TcpConnector : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpConnector)

public:
    struct Target
    {
        QString host;
        quint16 port = 0;
        QHostAddress localAddress; // null with localPort 0: the system chooses
        quint16 localPort = 0;
        int timeoutMs = 5000; // 0: the system's own timeout
    };

    explicit TcpConnector(QObject *parent = nullptr);
    ~TcpConnector() override;

    // Starts an attempt (cancelling one under way). connected() or failed() follows, never
    // from inside this call.
    void connectTo(const Target &target);
    // Stops the attempt; no signal follows.
    void cancel();
    bool isConnecting() const { return m_socket != nullptr; }
    const Target &target() const { return m_target; }
    QString targetText() const; // "host:port"

signals:
    // The link's parent is this connector until the receiver takes it.
    void connected(sockscope::TcpLink *link);
    void failed(sockscope::CloseReason reason, const QString &text);

private:
    void onConnected();
    void fail(CloseReason reason, const QString &text);

    Target m_target;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timeout;
};

} // namespace sockscope
