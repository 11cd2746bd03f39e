#include "ui/paintthrottle.h"

#include <QWidget>

namespace sockscope {

PaintThrottle::PaintThrottle(QWidget *widget, int intervalMs) : QObject(widget), m_widget(widget)
{
    m_window.setSingleShot(true);
    m_window.setInterval(intervalMs);
    connect(&m_window, &QTimer::timeout, this, &PaintThrottle::release);
}

void PaintThrottle::noteChange()
{
    if (!m_window.isActive()) {
        m_window.start(); // this change paints as usual; the next ones wait for the window
        return;
    }
    if (!m_holding) {
        m_holding = true;
        m_widget->setUpdatesEnabled(false);
    }
}

void PaintThrottle::release()
{
    if (!m_holding)
        return;
    m_holding = false;
    m_widget->setUpdatesEnabled(true);
    // Now: a change right after this (a flood's next batch) would hold updates again before
    // a posted paint ran, and nothing would be painted while the flood lasts.
    m_widget->repaint();
    m_window.start();
}

} // namespace sockscope
