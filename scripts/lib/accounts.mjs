// Demo accounts created in the Auth emulator by the seed. Local emulator only.
export const ACCOUNTS = {
  owner: { email: 'owner@gocafein.test', password: 'owner-pass-1234', displayName: '김사장 (사장님)' },
  staff: { email: 'staff@gocafein.test', password: 'staff-pass-1234', displayName: '이직원 (직원)' },
  customer: { email: 'customer@gocafein.test', password: 'customer-pass-1234', displayName: '박고객 (고객)' },
  admin: { email: 'admin@gocafein.test', password: 'admin-pass-1234', displayName: '운영자 (관리자)' },
};
