#pragma once

#include "core/session/relaycontrol.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace sockscope {

// A relay's "bad network", both directions: what ShapingDialog edits and a relay tab keeps.
struct RelayShaping
{
    RelayControl::Shaping c2s; // client→server
    RelayControl::Shaping s2c; // server→client

    const RelayControl::Shaping &of(bool serverToClient) const
    {
        return serverToClient ? s2c : c2s;
    }
    RelayControl::Shaping &of(bool serverToClient) { return serverToClient ? s2c : c2s; }
    bool isActive() const { return c2s.isActive() || s2c.isActive(); }
};

bool sameShaping(const RelayControl::Shaping &a, const RelayControl::Shaping &b);

// Latency (ms) and a rate limit (B/s, KiB/s or MiB/s; 0: none) for each direction of a relay.
class ShapingDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShapingDialog)

public:
    explicit ShapingDialog(QWidget *parent = nullptr);

    RelayShaping shaping() const;
    void setShaping(const RelayShaping &shaping);

    // "C→S 200 ms, 10 KiB/s; S→C 50 ms"; empty when nothing is shaped.
    static QString summary(const RelayShaping &shaping);
    // "10 KiB/s", "1000 B/s": in the largest unit that says it exactly.
    static QString rateText(qint64 bytesPerSecond);

private:
    struct Fields
    {
        QSpinBox *latency = nullptr;
        QSpinBox *rate = nullptr;
        QComboBox *unit = nullptr;
    };
    Fields buildFields(const char *prefix);
    static RelayControl::Shaping readFields(const Fields &fields);
    static void showInFields(const Fields &fields, const RelayControl::Shaping &shaping);

    Fields m_c2s;
    Fields m_s2c;
};

} // namespace sockscope
