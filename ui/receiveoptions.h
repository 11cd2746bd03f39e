#pragma once

#include "core/autoreply/autoreply.h"
#include "core/session/sessionsettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace sockscope {

class FramingSelector;
class Session;
struct SessionKind;

// What the session does with what it receives: framing (stream kinds; UDP shows a note
// instead), the receive checksum, Echo and the Auto-reply rules. Every change applies to the
// session at once; the rules engine lives here and the session only borrows it.
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

private:
    void buildFraming(QHBoxLayout *row);
    void buildChecksum(QHBoxLayout *row);
    void buildAutoReply(QHBoxLayout *row);
    void editAutoReply();
    void applyAutoReply();

    Session *m_session;
    FramingSelector *m_framing = nullptr; // none for UDP
    QComboBox *m_rxChecksum = nullptr;
    QCheckBox *m_echo = nullptr;
    QLabel *m_autoReplyLabel = nullptr;
    QPushButton *m_autoReplyButton = nullptr;
    bool m_answers = true; // the kind takes echo and auto-reply (a relay does not)
    AutoReplyRules m_rules;        // what the session runs
    AutoReplyConfig m_rulesConfig; // what the dialog shows (may be refused by m_rules)
};

} // namespace sockscope
