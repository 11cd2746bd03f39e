#include "core/transport/resetprobe.h"

#include <QAbstractSocket>
#include <QChildEvent>
#include <QEvent>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace sockscope {

ResetProbe::ResetProbe(QAbstractSocket *socket) : QObject(socket), m_socket(socket) {}

void ResetProbe::attach(QAbstractSocket *socket)
{
    if (!socket || socket->findChild<ResetProbe *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    auto *probe = new ResetProbe(socket);
    probe->watchTree(socket);
}

bool ResetProbe::wasReset(const QAbstractSocket *socket)
{
    const auto *probe =
        socket ? socket->findChild<ResetProbe *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    return probe && probe->m_reset;
}

void ResetProbe::watchTree(QObject *object)
{
    // The socket itself included: a socket engine created later (client connects)
    // arrives as a ChildAdded there, its notifiers as ChildAdded on the engine.
    object->installEventFilter(this);
    for (QObject *child : object->children()) {
        if (child != this)
            watchTree(child);
    }
}

bool ResetProbe::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::SockAct:
        if (!m_reset)
            check();
        break;
    case QEvent::ChildAdded:
        // Still under construction: only the QObject part exists, which is all an
        // event filter needs.
        if (QObject *child = static_cast<QChildEvent *>(event)->child(); child && child != this)
            child->installEventFilter(this);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void ResetProbe::check()
{
#ifdef Q_OS_LINUX
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0)
        return;
    // tcp_info starts with the one-byte state; the kernel copies only what we ask for.
    quint8 state = 0;
    socklen_t length = sizeof state;
    if (::getsockopt(int(fd), IPPROTO_TCP, TCP_INFO, &state, &length) == 0 && length >= 1 &&
        state == TCP_CLOSE)
        m_reset = true;
#endif
}

} // namespace sockscope
