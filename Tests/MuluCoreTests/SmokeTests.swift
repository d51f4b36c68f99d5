import Testing
@testable import MuluCore

@Test func levelsNormalise() {
    #expect(Level(published: "五级") == .junior)
    #expect(Level(published: "高级技师") == .seniorTechnician)
}
