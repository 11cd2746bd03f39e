#pragma once

#include <QMainWindow>

class QTabWidget;

namespace sockscope {

// The application window: one tab per session (TCP Server, TCP Client, UDP).
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    QTabWidget *sessionTabs() const { return m_tabs; }

private:
    QTabWidget *m_tabs = nullptr;
};

} // namespace sockscope
