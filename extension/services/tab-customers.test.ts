import { expect, test } from 'vitest';
import { memoryStorageArea } from './storage-area';
import { createTabCustomers } from './tab-customers';

const captured = { customerName: '王秀英', phone: '138 0013 8000', crmRecordId: 'C-1024' };

test("keeps the CRM page's address with the customer, so a case can bring its record up later", async () => {
  const customers = createTabCustomers(memoryStorageArea());
  expect(await customers.report(7, captured, 'https://crm.example.com/records/C-1024#notes')).toBe(true);
  expect(await customers.get(7)).toMatchObject({ name: '王秀英', recordUrl: 'https://crm.example.com/records/C-1024#notes' });
  // The same page reported again changes nothing; the same customer on another page does.
  expect(await customers.report(7, captured, 'https://crm.example.com/records/C-1024#notes')).toBe(false);
  expect(await customers.report(7, captured, 'https://crm.example.com/records/C-1024/edit')).toBe(true);
});

test('keeps no address that could run script or is not a page, but still the customer', async () => {
  const customers = createTabCustomers(memoryStorageArea());
  for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url', null]) {
    await customers.report(7, captured, url);
    const customer = await customers.get(7);
    expect(customer, String(url)).toMatchObject({ name: '王秀英', phone: '138 0013 8000' });
    expect(customer!.recordUrl, String(url)).toBeUndefined();
  }
});
