#pragma once

#include "core/codec/encoding.h"

#include <QAbstractScrollArea>
#include <QByteArray>
#include <QByteArrayView>
#include <QPair>

class QAction;
class QPainter;

namespace sockscope {

// Read-only hex dump of one payload in the classic layout
//   "00000010  48 65 6C 6C 6F 2C 20 77  6F 72 6C 64 21 0A 00 01  |Hello, world!...|".
// Only the lines inside the viewport are formatted and painted, so a 16 MiB
// payload (a million lines) costs the same as a 16-byte one. The bytes are kept
// as an implicitly shared QByteArray; nothing is copied into a text document.
//
// Selection is a range of whole bytes, shown in the hex and the text column.
// Once a byte has been clicked or reached with the keyboard, the current byte
// is always part of the selection; Esc (or a click past the data) clears it.
class HexDumpView : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HexDumpView)

public:
    enum class Column
    {
        Hex,
        Text
    };

    explicit HexDumpView(QWidget *parent = nullptr);
    ~HexDumpView() override;

    // baseOffset is added to the offsets shown in the first column.
    void setBytes(const QByteArray &bytes, quint64 baseOffset = 0);
    void clear();
    const QByteArray &bytes() const { return m_bytes; }
    quint64 baseOffset() const { return m_baseOffset; }
    qint64 lineCount() const { return m_lineCount; }

    // Used by "Copy as Text".
    void setTextEncoding(Encoding encoding) { m_encoding = encoding; }
    Encoding textEncoding() const { return m_encoding; }

    // (start, length); length 0 (and start 0) when nothing is selected.
    QPair<qint64, qint64> selection() const;
    bool hasSelection() const { return m_cursor >= 0; }
    // Clamped to the data; the current byte becomes the last selected byte.
    void setSelection(qint64 start, qint64 length);
    void clearSelection();
    void selectAll();
    qint64 currentByte() const { return m_cursor; }
    // The selected bytes, or all bytes when nothing is selected.
    QByteArrayView selectedBytes() const;

    // Geometry in viewport coordinates, from the same font metrics the painting
    // uses. byteAt() returns -1 outside any byte; byteRect() is empty for an
    // index outside the data.
    qint64 byteAt(const QPoint &viewportPos) const;
    QRect byteRect(qint64 index, Column column = Column::Hex) const;
    void ensureByteVisible(qint64 index);

    // The copy formats, without the clipboard.
    static QString hexText(QByteArrayView data);                   // "48 65 6C"
    static QString decodedText(QByteArrayView data, Encoding enc); // controls as \r \n \xNN
    static QString cArray(QByteArrayView data); // "const unsigned char data[3] = { 0x48, ... };"
    static QString dumpText(QByteArrayView data, quint64 baseOffset = 0);

    QAction *copyHexAction() const { return m_copyHex; }
    QAction *copyTextAction() const { return m_copyText; }
    QAction *copyCArrayAction() const { return m_copyCArray; }
    QAction *copyDumpAction() const { return m_copyDump; }
    QAction *selectAllAction() const { return m_selectAll; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void copyAsHex();
    void copyAsText();
    void copyAsCArray();
    void copyHexDump();

signals:
    void selectionChanged(qint64 start, qint64 length);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Colours;
    struct PaintedLine;
    Colours colours() const;
    void paintBackground(QPainter &p, const QRect &area, const Colours &colours) const;
    void paintLine(QPainter &p, const PaintedLine &line, const Colours &colours) const;
    void paintHighlights(QPainter &p, const PaintedLine &line, const Colours &colours) const;
    void paintRuns(QPainter &p, const PaintedLine &line, const Colours &colours) const;
    void paintCursor(QPainter &p, const PaintedLine &line, const Colours &colours) const;
    QRectF cellsRect(int y, int k0, int k1, Column column) const;
    void updateMetrics();
    void updateScrollBars();
    void updateActions();
    int visibleLines() const;
    qreal columnX(int column) const; // viewport x of a character column
    int hexColumn(int byteInLine) const;
    int textColumn(int byteInLine) const;
    qint64 hitTest(const QPoint &viewportPos, bool clampToData) const;
    void moveCursorTo(qint64 index, bool extend);
    void setAnchorAndCursor(qint64 anchor, qint64 cursor);
    void setHover(qint64 index);
    void copyToClipboard(const QString &text);

    QByteArray m_bytes;
    quint64 m_baseOffset = 0;
    qint64 m_lineCount = 0;
    int m_offsetDigits = 8;
    int m_lineChars = 0;
    Encoding m_encoding = Encoding::Utf8;

    // -1 when nothing is selected; otherwise the selection is the inclusive
    // range between the two.
    qint64 m_anchor = -1;
    qint64 m_cursor = -1;
    qint64 m_hover = -1;
    bool m_dragging = false;

    qreal m_charWidth = 1;
    int m_lineHeight = 1;
    int m_ascent = 0;
    qreal m_padding = 0;

    QAction *m_copyHex = nullptr;
    QAction *m_copyText = nullptr;
    QAction *m_copyCArray = nullptr;
    QAction *m_copyDump = nullptr;
    QAction *m_selectAll = nullptr;
};

} // namespace sockscope
