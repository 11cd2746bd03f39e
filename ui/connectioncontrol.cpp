#include "connectioncontrol.h"

#include "connectionbar.h"

#include "core/session/multicastcontrol.h"
#include "core/session/session.h"

namespace sockscope {

ConnectionControl::ConnectionControl(Session *session, ConnectionBar *bar, QObject *parent)
    : QObject(parent), m_session(session), m_bar(bar)
{
    connect(m_bar, &ConnectionBar::stopRequested, this, &ConnectionControl::stop);
    connect(m_bar, &ConnectionBar::liveFieldsEdited, this, [this] {
        m_session->updateLiveEndpoint(m_bar->endpoint());
        emit liveEndpointChanged();
    });
    connectMulticast();
}

void ConnectionControl::connectMulticast()
{
    MulticastControl *groups = m_session->multicast();
    if (!groups)
        return;
    // The session says in its log why a join or leave cannot work; nothing to add here.
    connect(m_bar, &ConnectionBar::joinGroupRequested, this,
            [groups](const QHostAddress &group, const QString &interfaceName) {
                groups->joinGroup(group, interfaceName);
            });
    connect(m_bar, &ConnectionBar::leaveGroupRequested, this,
            [groups](const QHostAddress &group, const QString &interfaceName) {
                groups->leaveGroup(group, interfaceName);
            });
}

void ConnectionControl::start()
{
    emit aboutToStart();
    m_session->setEndpoint(m_bar->endpoint());
    m_session->start();
}

void ConnectionControl::stop()
{
    emit aboutToStop();
    m_session->stop();
}

void ConnectionControl::showState()
{
    m_bar->showState(m_session->state(), m_session->stateText());
}

} // namespace sockscope
