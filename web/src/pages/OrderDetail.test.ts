import { describe, expect, it } from 'vitest';
import { availableActions } from './OrderDetail';

describe('the actions a role may take now', () => {
  it('gives the engineer the next step of the work and nothing of the desk', () => {
    expect(availableActions({ status: 'dispatched', quote: null }, ['engineer'])).toEqual(['accept']);
    expect(availableActions({ status: 'in_progress', quote: null }, ['engineer'])).toEqual(['complete', 'hold']);
    expect(availableActions({ status: 'on_hold', quote: null }, ['engineer'])).toEqual(['resume']);
  });

  it('lets the desk dispatch or cancel a new order and follow up a completed one', () => {
    expect(availableActions({ status: 'submitted', quote: null }, ['frontdesk'])).toEqual(['dispatch', 'cancel']);
    expect(availableActions({ status: 'completed', quote: null }, ['frontdesk'])).toEqual(['follow-up', 'reopen']);
  });

  it('lets the occupant rate a completed repair but never dispatch', () => {
    expect(availableActions({ status: 'completed', quote: null }, ['occupant'])).toEqual(['follow-up', 'reopen']);
    expect(availableActions({ status: 'submitted', quote: null }, ['occupant'])).toEqual(['cancel']);
  });
});
