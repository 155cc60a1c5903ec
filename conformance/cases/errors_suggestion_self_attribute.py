# A method using an instance attribute without self.: 3.12+ suggests 'self.count', 3.10/3.11 the closest name.
class Counter:
    def __init__(self):
        self.count = 0
    def increment(self):
        self.count += 1
        return count
Counter().increment()
