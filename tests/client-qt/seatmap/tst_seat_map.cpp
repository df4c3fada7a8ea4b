// The seat map on the demo venues' real layouts, driven like a clerk drives it: clicks, shift-clicks,
// a rubber band and the keyboard on the view, live changes on the model; checked against the model.

#include "client-qt/seatmap/seat_map_legend.h"
#include "client-qt/seatmap/seat_map_view.h"
#include "client-qt/seatmap/seat_painter.h"
#include "common/layout/layout_json.h"

#include <QFile>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QtTest>

namespace layout = usher::layout;
using namespace usher::seatmap;

namespace {

layout::VenueLayout loadVenue(const char* file) {
    QFile in(QStringLiteral(USHER_SOURCE_DIR "/resources/venues/") + QLatin1String(file));
    if (!in.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", file);
    }
    const QByteArray text = in.readAll();
    auto venue =
        layout::layoutFromJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!venue) {
        qFatal("cannot decode %s", file);
    }
    return std::move(*venue);
}

std::uint32_t seatOf(const SeatMapModel& model, const char* id) {
    const auto seat = model.find(id);
    if (!seat) {
        qFatal("no seat %s", id);
    }
    return *seat;
}

void sendMouse(QWidget* target, QEvent::Type type, QPoint at, Qt::MouseButton button,
               Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QMouseEvent event(type, QPointF(at), target->mapToGlobal(QPointF(at)), button, buttons, modifiers);
    QApplication::sendEvent(target, &event);
}

} // namespace

class TestSeatMap : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SeatMapModel> m_model;
    std::unique_ptr<SeatMapView> m_view;

    // The view zoomed in on a seat, so seats are drawn one by one and are big enough to click.
    void showTheatreAround(const char* seatId) {
        m_view->resize(1366, 768);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->zoomBy(0.4 / m_view->scale()); // 20 px a seat
        m_view->centerOn(m_view->seatScene().seatPosition(seatOf(*m_model, seatId)));
    }
    QPoint pointOf(std::uint32_t seat) const {
        return m_view->mapFromScene(m_view->seatScene().seatPosition(seat));
    }

private Q_SLOTS:
    void init() {
        m_model = std::make_unique<SeatMapModel>();
        m_model->setLayout(loadVenue("grand-theatre.json"));
        m_view = std::make_unique<SeatMapView>(*m_model);
    }
    void cleanup() {
        m_view.reset();
        m_model.reset();
    }

    void theWholeTheatreIsAvailableAtFirst() {
        QCOMPARE(m_model->seatCount(), std::size_t{1100});
        QCOMPARE(m_model->countIn(SeatState::Available), std::size_t{1100});
        QVERIFY(m_model->selection().empty());
    }

    void aClickTogglesASeat() {
        showTheatreAround("ST-A-12");
        const std::uint32_t seat = seatOf(*m_model, "ST-A-12");
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pointOf(seat));
        QVERIFY(m_model->isSelected(seat));
        QCOMPARE(m_model->cursor(), seat);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pointOf(seat));
        QVERIFY(!m_model->isSelected(seat));
        // Sold seats cannot be picked.
        const std::uint32_t sold = seatOf(*m_model, "ST-A-14");
        const SeatMapModel::Change change{sold, SeatState::Sold};
        m_model->applyChanges({&change, 1});
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pointOf(sold));
        QVERIFY(!m_model->isSelected(sold));
        QVERIFY(m_model->selection().empty());
    }

    void shiftClickSelectsTheRunOfARow() {
        showTheatreAround("ST-B-10");
        const std::uint32_t from = seatOf(*m_model, "ST-B-12");
        const std::uint32_t to = seatOf(*m_model, "ST-B-4");
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pointOf(from));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, pointOf(to));
        QStringList picked;
        for (std::uint32_t seat : m_model->selection()) {
            picked << QString::fromUtf8(m_model->index().seat(seat).id.data(),
                                        static_cast<qsizetype>(m_model->index().seat(seat).id.size()));
        }
        QCOMPARE(picked, QStringList({"ST-B-12", "ST-B-10", "ST-B-8", "ST-B-6", "ST-B-4"}));
    }

    void aRubberBandSelectsTheSeatsInside() {
        showTheatreAround("ST-C-10");
        const QPointF a = m_view->seatScene().seatPosition(seatOf(*m_model, "ST-C-12"));
        const QPointF b = m_view->seatScene().seatPosition(seatOf(*m_model, "ST-C-8"));
        // From above-left of the first seat to below-right of the last, starting on empty floor.
        const double r = m_view->seatScene().seatRadius();
        const QRectF band = QRectF(a, b).normalized().adjusted(-r * 1.2, -r * 1.2, r * 1.2, r * 1.2);
        QVERIFY(!m_view->seatScene().seatAt(band.topLeft()));
        QWidget* viewport = m_view->viewport();
        const QPoint start = m_view->mapFromScene(band.topLeft());
        const QPoint end = m_view->mapFromScene(band.bottomRight());
        sendMouse(viewport, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseMove, (start + end) / 2, Qt::NoButton, Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseMove, end, Qt::NoButton, Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
        const std::vector<std::uint32_t> expected = m_view->seatScene().seatsIn(band);
        QVERIFY(expected.size() >= 3);
        QCOMPARE(m_model->selection(), expected);
        for (const char* id : {"ST-C-12", "ST-C-10", "ST-C-8"}) {
            QVERIFY2(m_model->isSelected(seatOf(*m_model, id)), id);
        }
    }

    void theKeyboardMovesTheCursorAndSelects() {
        showTheatreAround("ST-A-12");
        m_view->setFocus();
        const std::uint32_t start = seatOf(*m_model, "ST-A-24");
        m_model->setCursor(start);
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        QCOMPARE(m_model->cursor(), seatOf(*m_model, "ST-A-20"));
        QTest::keyClick(m_view.get(), Qt::Key_Space);
        QVERIFY(m_model->isSelected(seatOf(*m_model, "ST-A-20")));
        // Left at the start of a row stays; Down goes to the nearest seat of the row behind.
        QTest::keyClick(m_view.get(), Qt::Key_Left);
        QTest::keyClick(m_view.get(), Qt::Key_Left);
        QTest::keyClick(m_view.get(), Qt::Key_Left);
        QCOMPARE(m_model->cursor(), start);
        QTest::keyClick(m_view.get(), Qt::Key_Down);
        QTest::keyClick(m_view.get(), Qt::Key_Down);
        QCOMPARE(m_model->rowLabel(m_model->cursor()), QStringLiteral("C"));
        QTest::keyClick(m_view.get(), Qt::Key_Up);
        QTest::keyClick(m_view.get(), Qt::Key_Up);
        QCOMPARE(m_model->cursor(), start);
        QTest::keyClick(m_view.get(), Qt::Key_Escape);
        QVERIFY(m_model->selection().empty());
    }

    void theAccessibleNameDescribesTheCursorSeat() {
        m_model->setCategoryPrices({{QStringLiteral("premium"), QStringLiteral("25.00 EUR")}});
        m_model->setCursor(seatOf(*m_model, "ST-A-12"));
        QCOMPARE(m_view->accessibleName(), QStringLiteral("Row A seat 12, available, Stalls, 25.00 EUR"));
        m_model->toggle(m_model->cursor());
        QCOMPARE(m_view->accessibleName(),
                 QStringLiteral("Row A seat 12, available, selected, Stalls, 25.00 EUR"));
        const SeatMapModel::Change sold{m_model->cursor(), SeatState::Sold};
        m_model->applyChanges({&sold, 1});
        QCOMPARE(m_view->accessibleName(), QStringLiteral("Row A seat 12, sold, Stalls, 25.00 EUR"));
    }

    void theTooltipNamesEverything() {
        const std::uint32_t seat = seatOf(*m_model, "ST-A-12");
        m_model->setCategoryPrices({{QStringLiteral("premium"), QStringLiteral("25.00 EUR")}});
        const SeatMapModel::Change held{seat, SeatState::HeldByOthers};
        m_model->applyChanges({&held, 1});
        m_model->setHolder(seat, QStringLiteral("Box office 2"));
        QCOMPARE(m_model->tooltip(seat),
                 QStringLiteral("Stalls\nRow A, seat 12\nPremium: 25.00 EUR\nheld by Box office 2"));
    }

    void liveChangesArriveInOneSignalAndLeaveTheSelection() {
        const std::uint32_t picked = seatOf(*m_model, "ST-D-8");
        m_model->toggle(picked);
        QSignalSpy states(m_model.get(), &SeatMapModel::seatsChanged);
        QSignalSpy selection(m_model.get(), &SeatMapModel::selectionChanged);
        std::vector<SeatMapModel::Change> changes;
        for (std::uint32_t seat = 0; seat < 1000; ++seat) {
            changes.push_back({seat, seat % 2 == 0 ? SeatState::Sold : SeatState::HeldByOthers});
        }
        m_model->applyChanges(changes);
        QCOMPARE(states.count(), 1);
        QCOMPARE(states.at(0).at(0).value<std::vector<std::uint32_t>>().size(), std::size_t{1000});
        QVERIFY(picked < 1000);
        QCOMPARE(selection.count(), 1);
        QVERIFY(!m_model->isSelected(picked));
        QCOMPARE(m_model->countIn(SeatState::Sold), std::size_t{500});
        QCOMPARE(m_model->countIn(SeatState::HeldByOthers), std::size_t{500});
        // The same changes again change nothing and signal nothing.
        m_model->applyChanges(changes);
        QCOMPARE(states.count(), 1);
    }

    void movingASectionKeepsEveryStateAndMovesItsSeatsOnly() {
        const std::uint32_t picked = seatOf(*m_model, "ST-D-8");
        const std::uint32_t sold = seatOf(*m_model, "ST-A-14");
        m_model->toggle(picked);
        const SeatMapModel::Change change{sold, SeatState::Sold};
        m_model->applyChanges({&change, 1});
        const QRectF before = m_view->seatScene().seatRect(picked);

        layout::VenueLayout moved = m_model->layout();
        const std::size_t stalls = m_model->index().seat(picked).location.container;
        for (layout::Row& row : moved.sections[stalls].rows) {
            for (layout::Seat& seat : row.seats) {
                seat.position.x += 5.0;
            }
        }
        QSignalSpy resets(m_model.get(), &SeatMapModel::layoutReset);
        QSignalSpy moves(m_model.get(), &SeatMapModel::seatsMoved);
        const std::size_t sections[] = {stalls};
        QVERIFY(m_model->moveSections(moved, sections));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(moves.count(), 1);
        QVERIFY(moves.at(0).at(0).toUInt() <= picked && picked < moves.at(0).at(1).toUInt());
        QVERIFY(m_model->isSelected(picked));
        QCOMPARE(m_model->state(sold), SeatState::Sold);
        QCOMPARE(m_view->seatScene().seatRect(picked), before.translated(500.0, 0.0));
        QVERIFY(m_view->seatScene().seatAt(m_view->seatScene().seatPosition(picked)) == picked);

        // Anything else than positions is refused and changes nothing.
        layout::VenueLayout renamed = m_model->layout();
        renamed.sections[stalls].rows[0].seats[0].category = "elsewhere";
        QVERIFY(!m_model->moveSections(renamed, sections));
        QVERIFY(m_model->layout() == moved);
        QCOMPARE(resets.count(), 0);
    }

    void zoomedOutTheArenaIsDrawnAsBlocks() {
        m_model->setLayout(loadVenue("city-arena.json"));
        QCOMPARE(m_model->seatCount(), std::size_t{18000});
        m_view->resize(1366, 768);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->fitToView();
        QCOMPARE(m_view->detail(), Detail::Blocks);
        QVERIFY(!m_view->grab().isNull());
        m_view->zoomBy(10.0 / (2 * m_view->seatScene().seatRadius() * m_view->scale())); // 10 px a seat
        QCOMPARE(m_view->detail(), Detail::Seats);
        QVERIFY(!m_view->grab().isNull());
        m_view->zoomBy(3.0);
        QCOMPARE(m_view->detail(), Detail::SeatsWithNumbers);
        QVERIFY(!m_view->grab().isNull());
    }

    void theLegendListsCategoriesWithPricesAndEveryState() {
        SeatMapLegend legend(*m_model);
        m_model->setCategoryPrices({{QStringLiteral("premium"), QStringLiteral("45.00 EUR")},
                                    {QStringLiteral("standard"), QStringLiteral("30.00 EUR")}});
        QCOMPARE(legend.entries(),
                 QStringList({"Premium: 45.00 EUR", "Standard: 30.00 EUR", "Value", "available",
                              "held by you", "held by someone else", "sold", "blocked", "allotted"}));
        QVERIFY(legend.accessibleDescription().contains(QStringLiteral("Premium: 45.00 EUR")));
        legend.resize(legend.sizeHint());
        QVERIFY(!legend.grab().isNull());
    }

    void everyStateLooksDifferent() {
        // Drawn in grey only, every state's seat must still differ from every other's: shape and
        // marks, not colour alone.
        QList<QImage> looks;
        for (SeatState state : kAllSeatStates) {
            QImage image(40, 40, QImage::Format_Grayscale8);
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            paintSeat(painter, QPointF(20, 20), 12, SeatLook{state, QColor(120, 120, 120)});
            painter.end();
            for (const QImage& other : looks) {
                QVERIFY2(other != image, qPrintable(stateName(state)));
            }
            looks << image;
        }
    }
};

QTEST_MAIN(TestSeatMap)
#include "tst_seat_map.moc"
