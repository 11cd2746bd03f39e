#pragma once

#include "core/framing/framingspec.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace sockscope {

// Picks how received TCP bytes are cut into messages (the answer to "sticky
// packets"): raw chunks, lines, any delimiter, fixed length, length prefix or
// idle gap, with each kind's parameters. Emits specChanged only for valid specs.
//
// A relay's server→client selector also offers "same as" the other direction's first
// (offerSameAs()): chosen, it has no spec of its own and emits sameAsChosen instead.
class FramingSelector : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramingSelector)

public:
    explicit FramingSelector(QWidget *parent = nullptr);

    // The label before the kind, with its mnemonic ("&Framing" unless set).
    void setLabelText(const QString &text);
    // Adds the "same as" choice first and picks it (text: e.g. "Same as C→S").
    void offerSameAs(const QString &text);
    bool isSameAs() const;
    void setSameAs();

    // The fields' spec (raw while they are invalid, or while "same as" is chosen).
    FramingSpec spec() const;
    void setSpec(const FramingSpec &spec);
    // Empty when the fields describe a usable spec.
    QString error() const;

    // The second line (the length prefix's fields, errors), shown only when needed. An owner
    // with a wider row can take it out and place it under that row; the selector still
    // shows and hides it.
    QWidget *takeSecondLine();

signals:
    void specChanged(const sockscope::FramingSpec &spec);
    void sameAsChosen();

private:
    enum Kind // the kind combo's item data
    {
        SameAs = -1,
        Raw,
        Line,
        Delimiter,
        Fixed,
        Length,
        Gap
    };
    void buildKindRow(QHBoxLayout *row);
    void buildParams();
    void placeParams(QHBoxLayout *row, QHBoxLayout *row2);
    void buildMaxAndError(QHBoxLayout *row, QHBoxLayout *row2);
    void connectSignals();
    void onEdited();
    int currentKind() const;
    void showParams(int kind);
    void updateSecondLine();
    FramingSpec fromFields(QString *error) const;

    QLabel *m_label = nullptr;
    QComboBox *m_kind = nullptr;
    QList<QList<QWidget *>> m_params; // per Kind
    QLineEdit *m_delimiter = nullptr;
    QCheckBox *m_keep = nullptr;
    QSpinBox *m_fixed = nullptr;
    QComboBox *m_lenSize = nullptr;
    QComboBox *m_endian = nullptr;
    QCheckBox *m_includes = nullptr;
    QSpinBox *m_offset = nullptr;
    QSpinBox *m_adjust = nullptr;
    QSpinBox *m_gap = nullptr;
    QSpinBox *m_max = nullptr;
    QLabel *m_error = nullptr;
    // A second line for the length prefix's many fields and for errors, so the row never
    // needs more than a small screen's width.
    QWidget *m_secondLine = nullptr;
    bool m_updating = false;
};

} // namespace sockscope
