import type { DeductionEntry, DeductionRegister, EmployeeDeductions } from '../../core/deductions/model';
import { keys } from '../table/keys';

/** The items of potongan lain and back: shared by the register's store and the payroll run's load. */

export function employeeDeductionsItem(d: EmployeeDeductions) {
  return {
    ...keys.employeeDeductions(d.nip),
    ...keys.employeeDeductionsIndexes(d.opd, d.nip),
    entity: 'EMPLOYEE_DEDUCTIONS',
    nip: d.nip,
    opd: d.opd,
    entries: d.entries,
    version: d.version,
  };
}

export function employeeDeductionsFromItem(item: Record<string, unknown>): EmployeeDeductions {
  return {
    nip: String(item.nip),
    opd: String(item.opd),
    entries: (item.entries ?? []) as DeductionEntry[],
    version: Number(item.version),
  };
}

export function deductionTypesItem(r: DeductionRegister) {
  return { ...keys.deductionTypes(), entity: 'DEDUCTION_TYPES', ...r };
}

export function deductionRegisterFromItem(item: Record<string, unknown> | undefined): DeductionRegister {
  if (!item) return { types: [], policy: null, version: 0 };
  return {
    types: (item.types ?? []) as DeductionRegister['types'],
    policy: (item.policy ?? null) as DeductionRegister['policy'],
    version: Number(item.version),
    ...(item.updatedAt ? { updatedAt: String(item.updatedAt) } : {}),
    ...(item.updatedBy ? { updatedBy: String(item.updatedBy) } : {}),
  };
}

export const isEmployeeDeductionsItem = (item: Record<string, unknown>) =>
  item.entity === 'EMPLOYEE_DEDUCTIONS';
export const isDeductionTypesItem = (item: Record<string, unknown>) => item.entity === 'DEDUCTION_TYPES';
