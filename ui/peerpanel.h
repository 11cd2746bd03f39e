#pragma once

#include <QList>
#include <QWidget>

class QLabel;
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

signals:
    // The selection changed, by a click or because selected rows went (cleared, reset).
    void selectionChanged();

private:
    void buildList();
    void buildButtons(QVBoxLayout *lines);
    void setupColumns();
    void onSelectionChanged();

    Session *m_session;
    const SessionKind &m_kind;
    QTreeView *m_view = nullptr;
    PeerListModel *m_model = nullptr;
    QLabel *m_target = nullptr;
    QToolButton *m_drop = nullptr; // Disconnect / Forget
};

} // namespace sockscope
