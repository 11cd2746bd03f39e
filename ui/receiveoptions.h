#pragma once

#include "core/autoreply/autoreply.h"
#include "core/session/sessionsettings.h"
#include "shapingdialog.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QSettings;
class QVBoxLayout;

namespace sockscope {

class FramingSelector;
class Session;
struct SessionKind;

// What the session does with what it receives: framing (stream kinds; UDP shows a note
// instead), the receive checksum, Echo and the Auto-reply rules. Every change applies to the
// session at once; the rules engine lives here and the session only borrows it.
// A relay instead of Echo and Auto-reply: the server→client framing (a TCP relay; "same as
// C→S" by default) and the shaping ("bad network") of what it passes on, each direction.
class ReceiveOptions : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiveOptions)

public:
    // The session must outlive the part's rules engine, which it borrows: in a tab the
    // session is created first, so it goes first.
    ReceiveOptions(Session *session, const SessionKind &kind, QWidget *parent = nullptr);

    ReceiveSettings settings() const;
    // Shows and applies them, the auto-reply rules included (a refused rule set is shown
    // beside the button, and the session then runs without rules).
    void setSettings(const ReceiveSettings &settings);
    // Hands the framing shown to the session (start() does, as a stopped session may
    // have been given another in between).
    void applyFraming();
    // Puts a part of the tab's own at the end of the first row (a relay's rewrite rules, where
    // Auto-reply would be); it becomes a child of this part.
    void addToRow(QWidget *widget);

    // A relay's shaping, applied to the session at once (running or not; it keeps it across
    // a restart). Other kinds have none and ignore it.
    RelayShaping shaping() const { return m_shaping; }
    void setShaping(const RelayShaping &shaping);
    // What ReceiveSettings does not hold (a relay's shaping), in the current settings group.
    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

private:
    void buildFraming(QHBoxLayout *row);
    void buildChecksum(QHBoxLayout *row);
    void buildAutoReply(QHBoxLayout *row);
    void buildRelay(QVBoxLayout *lines, QHBoxLayout *row);
    void buildShaping(QHBoxLayout *row);
    void editShaping();
    void applyShaping();
    void editAutoReply();
    void applyAutoReply();

    Session *m_session;
    FramingSelector *m_framing = nullptr;    // none for UDP
    FramingSelector *m_s2cFraming = nullptr; // a TCP relay's server→client framing
    QComboBox *m_rxChecksum = nullptr;
    QCheckBox *m_echo = nullptr;
    QLabel *m_autoReplyLabel = nullptr;
    QPushButton *m_autoReplyButton = nullptr;
    bool m_answers = true; // the kind takes echo and auto-reply (a relay does not)
    AutoReplyRules m_rules;        // what the session runs
    AutoReplyConfig m_rulesConfig; // what the dialog shows (may be refused by m_rules)
    RelayShaping m_shaping;
    QPushButton *m_shapingButton = nullptr; // relays only
    ShapingDialog *m_shapingDialog = nullptr;
};

} // namespace sockscope
