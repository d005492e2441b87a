import ExtractCore
import Testing

@Suite struct BoundingBoxTests {
    @Test func identicalBoxesHaveFullOverlap() {
        let box = BoundingBox(x: 10, y: 20, width: 30, height: 40)
        #expect(box.intersectionOverUnion(box) == 1)
    }

    @Test func disjointBoxesHaveNoOverlap() {
        let a = BoundingBox(x: 0, y: 0, width: 10, height: 10)
        let b = BoundingBox(x: 20, y: 0, width: 10, height: 10)
        #expect(a.intersection(b) == nil)
        #expect(a.intersectionOverUnion(b) == 0)
    }

    @Test func halfShiftedBoxesOverlapByOneThird() {
        let a = BoundingBox(x: 0, y: 0, width: 10, height: 10)
        let b = BoundingBox(x: 5, y: 0, width: 10, height: 10)
        #expect(abs(a.intersectionOverUnion(b) - 1.0 / 3.0) < 1e-9)
    }

    @Test func cornersInAnyOrderMakeTheSameBox() {
        let a = BoundingBox(x1: 10, y1: 40, x2: 2, y2: 5)
        #expect(a == BoundingBox(x: 2, y: 5, width: 8, height: 35))
        #expect(a.maxX == 10 && a.maxY == 40)
    }

    @Test func enclosingBoxCoversAll() {
        let boxes = [BoundingBox(x: 1, y: 1, width: 1, height: 1), BoundingBox(x: 5, y: 7, width: 2, height: 3)]
        #expect(BoundingBox.enclosing(boxes) == BoundingBox(x: 1, y: 1, width: 6, height: 9))
        #expect(BoundingBox.enclosing([]) == nil)
    }

    @Test func scalingPixelsToPoints() {
        let pixels = BoundingBox(x: 300, y: 600, width: 150, height: 30)
        let points = pixels.scaled(by: 72.0 / 300.0)
        let expected = [72.0, 144.0, 36.0, 7.2]
        for (value, wanted) in zip([points.x, points.y, points.width, points.height], expected) {
            #expect(abs(value - wanted) < 1e-9)
        }
    }
}
