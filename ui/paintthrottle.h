#pragma once

#include <QObject>
#include <QTimer>

class QWidget;

namespace sockscope {

// Holds a widget's repaints to one per interval while changes stream in (issue #16). A flood
// hands the log a batch every loop pass (Session::batchFlushBytes); the screen needs about 30
// a second, and painting new rows is the window's costliest step (shaping their text). The
// first change paints at once; changes within the interval after it are painted together at
// its end (updates off meanwhile, so scrolling and row changes cost no paint).
class PaintThrottle : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 30;

    explicit PaintThrottle(QWidget *widget, int intervalMs = DefaultIntervalMs);

    // Call before (or as) the widget changes in a way that repaints it.
    void noteChange();
    bool isHolding() const { return m_holding; }

private:
    void release();

    QWidget *m_widget;
    QTimer m_window;
    bool m_holding = false;
};

} // namespace sockscope
