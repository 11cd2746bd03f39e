#pragma once

#include <QHash>
#include <QObject>

#include <vector>

class QWidget;

namespace sockscope {

// Opt-in key-to-paint probe for the flood benchmark (tests/bench/flood.py, rows 7). Installed on
// the QApplication as an event filter only when SOCKSCOPE_INPUT_PROBE=1. For each KeyPress
// delivered to a widget it notes the CLOCK_MONOTONIC time; on the next Paint of that widget (of
// its viewport for a scroll area such as QPlainTextEdit) it writes one line to stderr:
//
//   inputprobe key=<ns> paint=<ns> widget=<objectName> class=<className> code=<Qt::Key>
//
// To let the benchmark click into a text field from outside (XTest), it also lists the visible
// text inputs with their global geometry once the first window has painted:
//
//   inputprobe input widget=<objectName> class=<className> x=<> y=<> w=<> h=<>
//
// and reports where keyboard focus goes: "inputprobe focus widget=<objectName> class=<>".
// Nothing is changed in the UI; without the variable the probe is not even created.
class InputProbe : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InputProbe)

public:
    explicit InputProbe(QObject *parent = nullptr);

    static bool enabledByEnvironment();
    static qint64 monotonicNs();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void listInputs();

    struct Key
    {
        qint64 ns;
        int code;
    };
    QHash<QWidget *, std::vector<Key>> m_pending; // paint target -> keys (arrival time, Qt::Key)
    bool m_listed = false;
};

} // namespace sockscope
