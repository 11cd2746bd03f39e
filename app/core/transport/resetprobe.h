#pragma once

#include <QObject>

class QAbstractSocket;

namespace sockscope {

// Tells a peer's reset (RST) apart from an orderly close (FIN) on a connected TCP socket.
//
// Qt 6.4 cannot: its socket engine turns ECONNRESET into an ordinary end of stream and
// closes the descriptor before any signal, so by the time errorOccurred/disconnected arrive
// the kernel state is gone. ResetProbe looks one step earlier: it filters the readiness
// events (QEvent::SockAct) of the socket's notifiers and, just before Qt handles one, reads
// the kernel's TCP state of the descriptor. An orderly close leaves the connection in
// CLOSE_WAIT; a reset moves it straight to CLOSE. The first byte of TCP_INFO is the state,
// so each check is one small getsockopt(), and it stops once a reset has been seen.
//
// The notifiers are Qt's own (children of the socket engine, a child of the socket); if a
// future Qt no longer delivers readiness that way, wasReset() simply stays false and the
// close is reported as an orderly one, as Qt itself does. tst_socketerrors pins this.
class ResetProbe final : public QObject
{
    Q_OBJECT
public:
    // Starts watching a socket (connected or connecting). The probe is owned by the socket.
    static void attach(QAbstractSocket *socket);
    // True once a reset was seen on a socket that has a probe attached.
    static bool wasReset(const QAbstractSocket *socket);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ResetProbe(QAbstractSocket *socket);
    void watchTree(QObject *object);
    void check();

    QAbstractSocket *m_socket;
    bool m_reset = false;
};

} // namespace sockscope
