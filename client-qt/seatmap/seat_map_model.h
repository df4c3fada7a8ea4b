#pragma once

#include "client-qt/seatmap/seat_state.h"
#include "common/layout/layout_index.h"
#include "common/layout/venue_layout.h"

#include <QColor>
#include <QHash>
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace usher::seatmap {

// The seat map's document: one venue layout, the state of every seat, the clerk's selection and the
// keyboard cursor. Scenes and views draw it and turn input into calls here; they keep no state of
// their own, so a sales screen (and later the designer) can drive the same map. Seats are numbered
// as in layout::LayoutIndex (sections row by row, then tables).
class SeatMapModel : public QObject {
    Q_OBJECT

public:
    struct Change {
        std::uint32_t seat = 0;
        SeatState state = SeatState::Available;
    };
    enum class Direction { Left, Right, Forward, Back }; // Forward: towards the stage

    explicit SeatMapModel(QObject* parent = nullptr);
    ~SeatMapModel() override;

    // Every seat available, nothing selected, the cursor on the first seat.
    void setLayout(layout::VenueLayout layout);
    // The same layout with the seats of some sections (indices into layout.sections) moved and
    // nothing else changed: every seat keeps its state, the selection and the cursor stay, and
    // seatsMoved is signalled per section instead of layoutReset. Returns false, changing nothing,
    // when the layout changed in any other way in those sections or in their number; call
    // setLayout then. (The designer drags sections of a stadium this way, step by step.)
    bool moveSections(layout::VenueLayout layout, std::span<const std::size_t> sections);
    bool hasLayout() const { return m_index != nullptr; }
    const layout::VenueLayout& layout() const { return m_layout; }
    const layout::LayoutIndex& index() const { return *m_index; }
    std::size_t seatCount() const { return m_states.size(); }
    std::optional<std::uint32_t> find(std::string_view seatId) const;

    // Live changes, in one go however many (one seatsChanged signal). A seat that stops being
    // selectable leaves the selection.
    void applyChanges(std::span<const Change> changes);
    SeatState state(std::uint32_t seat) const { return m_states[seat]; }
    // Seats per state, for the legend and section blocks.
    std::size_t countIn(SeatState state) const;

    // Prices as text per category id (formatted by whoever knows the event's currency and locale),
    // and who holds a seat held by someone else, for tooltips and accessible names.
    void setCategoryPrices(QHash<QString, QString> prices);
    QString categoryPrice(const QString& categoryId) const { return m_prices.value(categoryId); }
    void setHolder(std::uint32_t seat, const QString& holder);
    QString holder(std::uint32_t seat) const { return m_holders.value(seat); }
    // The seat's price category colour (grey for a category the layout does not define).
    const QColor& categoryColor(std::uint32_t seat) const {
        return m_categoryColors[m_index->categorySlots()[seat]];
    }

    // The selection: seats the clerk picked. Only selectable seats (isSelectable) can be in it.
    bool isSelected(std::uint32_t seat) const { return m_selected[seat] != 0; }
    std::vector<std::uint32_t> selection() const; // in seat order
    void toggle(std::uint32_t seat);
    // Shift-click: the seats of the anchor's row (or table) from the anchor to `seat` join the
    // selection; without an anchor in the same row this is a toggle.
    void extendTo(std::uint32_t seat);
    // Rubber band: the selectable seats among `seats` join the selection (or, with `replace`, become it).
    void select(std::span<const std::uint32_t> seats, bool replace);
    void clearSelection();

    // The keyboard cursor: a seat index, moved along rows and between them.
    std::uint32_t cursor() const { return m_cursor; }
    void setCursor(std::uint32_t seat);
    void moveCursor(Direction direction);

    // "Row C seat 12, available, Stalls, 25.00 EUR": the accessible name and first tooltip line.
    QString describe(std::uint32_t seat) const;
    // Several lines: section, row, seat, price category, price, state, holder.
    QString tooltip(std::uint32_t seat) const;
    QString sectionName(std::uint32_t seat) const;
    QString rowLabel(std::uint32_t seat) const;
    QString seatNumber(std::uint32_t seat) const;
    // The same, as the layout has it (no copy: for painting thousands of seats).
    const std::string& seatNumberText(std::uint32_t seat) const;

Q_SIGNALS:
    void layoutReset();
    void seatsMoved(std::uint32_t first, std::uint32_t end);        // seats [first, end) are elsewhere now
    void seatsChanged(const std::vector<std::uint32_t>& seats);     // states changed
    void selectionChanged(const std::vector<std::uint32_t>& seats); // these seats (de)selected
    void cursorMoved(std::uint32_t from, std::uint32_t to);
    void pricesChanged();

private:
    void indexLayout();
    const layout::Seat& seatAt(std::uint32_t seat) const;
    void setSelected(std::uint32_t seat, bool selected, std::vector<std::uint32_t>& changed);

    layout::VenueLayout m_layout;
    std::unique_ptr<layout::LayoutIndex> m_index;
    std::vector<SeatState> m_states;
    std::vector<std::uint8_t> m_selected;
    std::vector<std::uint32_t> m_lineInFront; // per line: the line nearer the stage, or kNoIndex
    QHash<std::uint32_t, QString> m_holders;
    QHash<QString, QString> m_prices;
    std::vector<QColor> m_categoryColors; // by LayoutIndex category slot; the last is for unknown ones
    std::uint32_t m_cursor = 0;
    std::optional<std::uint32_t> m_anchor;       // where the last click or toggle was
    std::optional<layout::Point> m_verticalGoal; // where a run of Up/Down moves began
};

} // namespace usher::seatmap
