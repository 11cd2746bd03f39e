#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QHBoxLayout;
class QToolButton;
class QTreeView;
class QVBoxLayout;

namespace sockscope {

class PeerListModel;
class Session;
struct SessionKind;

// The peer list of a session with its buttons (All peers, Disconnect or Forget, Clear
// closed) and the label naming where a send goes. The selection is the send target and
// the log filter: selectedPeers() is the one place it is read from.
class PeerPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeerPanel)

public:
    PeerPanel(Session *session, const SessionKind &kind, QWidget *parent = nullptr);

    // The selected peers in list order; empty: none selected (the session's default target).
    QList<quint32> selectedPeers() const;
    // "Send to: all 3 clients", as SendRouter words it.
    void setTargetText(const QString &text);

    // A relay's pairs by client id: the selected ones (an upstream side stands for its pair)
    // or, with none selected, every pair whose client side is open.
    static QList<quint32> relayPairs(const Session *session, const QList<quint32> &selected);
    // Client ids of a relay's pairs whose both sides are open.
    static QList<quint32> connectedPairs(const Session *session);
    // Held bytes past this ask before Drop discards them.
    static constexpr qint64 DropConfirmBytes = 64 * 1024;

signals:
    // The selection changed, by a click or because selected rows went (cleared, reset).
    void selectionChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitTlsColumn();
    void buildList();
    void buildButtons(QVBoxLayout *lines);
    void setupColumns();
    void onSelectionChanged();
    // Relay sessions: Hold C→S / Hold S→C / Release / Drop on the selected (or all) pairs.
    void buildRelayButtons(QVBoxLayout *lines);
    void addSideDisconnects();
    void updateRelayButtons();
    void updateRelayTips(bool selected); // each says which pairs it acts on
    void setHolding(bool towardsServer, bool hold);
    void releaseHeld();
    void dropHeld();
    bool confirmDrop(qint64 held); // "Discard 100 KiB held?"
    // The sending side of each acted-on pair for a direction (C→S: the client side).
    QList<quint32> relaySides(bool towardsServer) const;

    Session *m_session;
    const SessionKind &m_kind;
    QTreeView *m_view = nullptr;
    PeerListModel *m_model = nullptr;
    QLabel *m_target = nullptr;
    QToolButton *m_drop = nullptr; // Disconnect / Forget
    // Relay sessions only:
    QToolButton *m_holdC2S = nullptr;
    QToolButton *m_holdS2C = nullptr;
    QToolButton *m_release = nullptr;
    QToolButton *m_dropHeld = nullptr;
    QLabel *m_held = nullptr; // what is held, on which pairs
};

} // namespace sockscope
