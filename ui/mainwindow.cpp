#include "mainwindow.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace sockscope {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("SockScope"));
    m_tabs->setObjectName(QStringLiteral("sessionTabs"));
    m_tabs->setDocumentMode(true);

    const QString modes[] = {tr("TCP Server"), tr("TCP Client"), tr("UDP")};
    for (const QString &mode : modes) {
        auto *page = new QWidget(m_tabs);
        auto *layout = new QVBoxLayout(page);
        layout->addWidget(new QLabel(mode, page));
        layout->addStretch();
        m_tabs->addTab(page, mode);
    }
    setCentralWidget(m_tabs);
    resize(1100, 720);
}

MainWindow::~MainWindow() = default;

} // namespace sockscope
