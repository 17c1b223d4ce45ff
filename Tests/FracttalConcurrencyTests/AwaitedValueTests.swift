import FracttalConcurrency
import Testing

/// The one waiter primitive: waiters wake when the value meets their condition, or when cancelled.
struct AwaitedValueTests {
    @Test func aWaiterWakesWhenAnUpdateMeetsItsConditionAndNotBefore() async {
        let count = AwaitedValue(0)
        let reachedTwo = AwaitedValue(false)
        let waiter = Task {
            let value = await count.wait { $0 >= 2 }
            reachedTwo.update { $0 = true }
            return value
        }
        count.update { $0 += 1 }
        #expect(!reachedTwo.value, "one is not two")
        count.update { $0 += 1 }
        #expect(await waiter.value == 2)
        #expect(await count.wait { $0 >= 1 } == 2, "a condition already met returns at once")
    }

    @Test func updateReturnsWhatItsChangeReturns() {
        let value = AwaitedValue<[String]>([])
        let count = value.update { list -> Int in
            list.append("a")
            return list.count
        }
        #expect(count == 1)
        #expect(value.value == ["a"])
    }

    @Test func aCancelledWaiterGetsTheValueAsItIs() async {
        let flag = AwaitedValue(false)
        let started = AwaitedValue(false)
        let waiter = Task {
            started.update { $0 = true }
            return await flag.wait { $0 }
        }
        _ = await started.wait { $0 }
        waiter.cancel()
        #expect(await waiter.value == false)
    }

    @Test func aBoundedWaitGivesUpWithNil() async {
        let flag = AwaitedValue(false)
        #expect(await flag.wait(until: { $0 }, within: .milliseconds(10)) == nil)
        flag.update { $0 = true }
        #expect(await flag.wait(until: { $0 }, within: .seconds(60)) == true)
    }
}
