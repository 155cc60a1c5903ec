# int arithmetic: floor division, modulo and power with negatives, big ints, bit ops.
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3)
print(2 ** 10, 2 ** -1, (-2) ** 3, pow(3, 4, 5))
print(divmod(17, 5), divmod(-17, 5))
print(1 << 70, (1 << 70) >> 68, 0xFF & 0x0F, 5 | 2, 6 ^ 3, ~5)
print(int("ff", 16), int("0b101", 0), hex(255), bin(5), oct(8))
print(abs(-3), -(-3), +3, 10 / 4, 10 / 5)
print(12345678901234567890 * 98765432109876543210)
